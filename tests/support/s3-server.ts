/**
 * A real S3-compatible server for the tests: s3rver (npm), started in the test's process on a
 * loopback port chosen by the system, storing its objects in a folder of the test's. Its access
 * key and secret are s3rver's own (S3RVER); the SDK signs requests as against any service.
 */
import S3rver from "s3rver";
import { S3Client } from "@aws-sdk/client-s3";
import { s3ClientConfig } from "../../src/deploy/targets/s3.js";

export interface S3Server {
  /** The environment a deploy to it runs with: endpoint, credentials, path style. */
  env: Record<string, string>;
  /** A client of it, set up as the deploy's own. */
  client: S3Client;
  close(): Promise<void>;
}

/** Starts s3rver over `directory` with the buckets named. */
export async function startS3Server(directory: string, buckets: readonly string[]): Promise<S3Server> {
  const server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory, configureBuckets: buckets.map((name) => ({ name, configs: [] })) });
  const { port } = await server.run();
  const env = {
    AWS_ENDPOINT_URL: `http://127.0.0.1:${port}`,
    AWS_ACCESS_KEY_ID: "S3RVER",
    AWS_SECRET_ACCESS_KEY: "S3RVER",
    AWS_REGION: "us-east-1",
    AKHBAR_S3_PATH_STYLE: "1",
    // The SDK's notice that its releases after January 2027 need Node 22: not this test's matter.
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: "true",
  };
  const client = new S3Client(s3ClientConfig(env));
  return {
    env,
    client,
    async close() {
      client.destroy();
      await server.close();
    },
  };
}
