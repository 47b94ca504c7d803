/** The name the form's Jalali date field is registered under: shared by the configuration (config.ts) and the browser's script (admin-client.ts), which must not import the configuration's Node-only code. */
export const JALALI_WIDGET = "jalali-date";
