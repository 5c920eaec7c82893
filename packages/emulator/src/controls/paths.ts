/** The paths the controls answer themselves, before fault rules and the application (controls/Controls.ts). */
export const HEALTH_PATH = "/healthz"
export const RESET_PATH = "/admin/reset"
export const REQUESTS_PATH = "/admin/requests"

/** Every path of the controls. */
export const CONTROL_PATHS: ReadonlyArray<string> = [HEALTH_PATH, RESET_PATH, REQUESTS_PATH]
