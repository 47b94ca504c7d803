/**
 * S3-compatible object storage as a deploy target (`s3://bucket[/prefix]`), with the AWS SDK v3:
 * each file a PutObject streamed from disk with its Content-Type and Cache-Control (an object
 * store serves what the upload said: src/deploy/content-type.ts, src/build/host-headers.ts
 * `cacheControlFor`), UPLOADS_AT_ONCE at a time within a phase, phase after phase; removals with
 * DeleteObjects, 1,000 keys a request (the API's most).
 *
 * Settings from the environment only: AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY (and
 * AWS_SESSION_TOKEN), AWS_REGION (default us-east-1, which most S3-compatible services accept),
 * AWS_ENDPOINT_URL (or AWS_ENDPOINT_URL_S3) for a service other than Amazon's, and
 * AKHBAR_S3_PATH_STYLE=1 for a service that addresses buckets by path (http://host/bucket/key).
 * The SDK would read the endpoint itself from process.env; it is passed here from the deploy's
 * own environment so that a caller (a test) that gives one is obeyed.
 *
 * Checksums only where an operation requires one (`WHEN_REQUIRED`): by default the SDK sends a
 * streamed body as `aws-chunked` with a CRC32 trailer, which services that do not implement that
 * encoding store as it is, the chunk framing inside the object (seen with s3rver, the server of
 * this project's tests), or reject (Backblaze B2, Oracle's, older Ceph). DeleteObjects still
 * carries the checksum it requires.
 */
import { createReadStream } from "node:fs";
import path from "node:path";
import { DeleteObjectsCommand, PutObjectCommand, S3Client, type S3ClientConfig } from "@aws-sdk/client-s3";
import type { DeployTarget } from "../target.js";
import { TransferError, type Transport } from "../transport.js";

export const S3_PATH_STYLE_VARIABLE = "AKHBAR_S3_PATH_STYLE";
/** Credentials a deploy to object storage cannot do without. */
export const S3_CREDENTIAL_VARIABLES = ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"] as const;
/** Uploads in flight at once: enough to hide each request's round trip, few enough for a small office's line. */
export const UPLOADS_AT_ONCE = 16;
/** DeleteObjects takes at most 1,000 keys. */
const DELETE_BATCH = 1000;

type S3Target = Extract<DeployTarget, { kind: "s3" }>;

/** The credential variables `env` lacks. */
export function missingS3Credentials(env: NodeJS.ProcessEnv): string[] {
  return S3_CREDENTIAL_VARIABLES.filter((name) => !env[name]?.trim());
}

/** The client's settings for `env` (credentials checked by `missingS3Credentials` first). */
export function s3ClientConfig(env: NodeJS.ProcessEnv): S3ClientConfig {
  const endpoint = env.AWS_ENDPOINT_URL_S3?.trim() || env.AWS_ENDPOINT_URL?.trim();
  const sessionToken = env.AWS_SESSION_TOKEN?.trim();
  return {
    region: env.AWS_REGION?.trim() || env.AWS_DEFAULT_REGION?.trim() || "us-east-1",
    ...(endpoint ? { endpoint } : {}),
    forcePathStyle: env[S3_PATH_STYLE_VARIABLE]?.trim() === "1",
    credentials: { accessKeyId: env.AWS_ACCESS_KEY_ID!.trim(), secretAccessKey: env.AWS_SECRET_ACCESS_KEY!.trim(), ...(sessionToken ? { sessionToken } : {}) },
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  };
}

/** The object key of a root-relative file under the target's prefix. */
export function objectKey(target: S3Target, file: string): string {
  const key = file.replace(/^\/+/, "");
  return target.prefix ? `${target.prefix}/${key}` : key;
}

/** An SDK error in a line: its name, the HTTP status, its message. */
function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  return `${error.name}${status ? ` (HTTP ${status})` : ""}: ${error.message}`;
}

/**
 * Runs `work` over `items`, `limit` at a time. On the first failure no new item is started; the
 * ones under way finish, then the failure is thrown. Hand-written: a dozen lines, where a
 * package (p-limit) would be a dependency for one loop.
 */
async function eachAtMost<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (failure === undefined && next < items.length) {
      const item = items[next++]!;
      try {
        await work(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure) throw failure.error;
}

export function s3Transport(target: S3Target, site: string, env: NodeJS.ProcessEnv = process.env, client = new S3Client(s3ClientConfig(env))): Transport {
  const root = path.resolve(site);
  return {
    async upload(files) {
      await eachAtMost(files, UPLOADS_AT_ONCE, async (upload) => {
        try {
          await client.send(
            new PutObjectCommand({
              Bucket: target.bucket,
              Key: objectKey(target, upload.file),
              Body: createReadStream(path.join(root, ...upload.file.split("/").filter(Boolean))),
              ContentLength: upload.size,
              ContentType: upload.contentType,
              CacheControl: upload.cacheControl,
            }),
          );
        } catch (error) {
          throw new TransferError(describe(error), upload.file, false);
        }
      });
    },
    async remove(files) {
      for (let start = 0; start < files.length; start += DELETE_BATCH) {
        const batch = files.slice(start, start + DELETE_BATCH);
        let errors;
        try {
          ({ Errors: errors } = await client.send(
            new DeleteObjectsCommand({ Bucket: target.bucket, Delete: { Objects: batch.map((file) => ({ Key: objectKey(target, file) })), Quiet: true } }),
          ));
        } catch (error) {
          throw new TransferError(describe(error), batch[0], true);
        }
        const first = errors?.[0];
        if (first) {
          const file = batch.find((name) => objectKey(target, name) === first.Key);
          throw new TransferError(`${first.Code ?? "error"}: ${first.Message ?? ""}`.trim(), file, true);
        }
      }
    },
  };
}
