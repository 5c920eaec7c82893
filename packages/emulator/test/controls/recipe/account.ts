/** A fresh account per test on the shared emulator: nothing another test (or worker) does is visible to it. */
import { inject } from "vitest"

export const freshAccount = async (): Promise<{ url: string; authorization: string }> => {
  const { url, adminToken } = inject("emulator")
  const response = await fetch(`${url}/admin/accounts`, {
    method: "POST",
    headers: { Authorization: `Bearer ${adminToken}`, "Content-Type": "application/json" },
    body: "{}"
  })
  const { sid, auth_token } = (await response.json()) as { sid: string; auth_token: string }
  return { url, authorization: `Basic ${Buffer.from(`${sid}:${auth_token}`).toString("base64")}` }
}
