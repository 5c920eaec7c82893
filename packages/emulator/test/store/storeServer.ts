/**
 * The emulator's application over a store the test opened itself (so that it can inject a failing sync or limit
 * the database's size), served on 127.0.0.1 on a free port, with Twilio and admin clients.
 */
import { mkdtempSync, rmSync } from "node:fs"
import { createServer } from "node:http"
import type { AddressInfo } from "node:net"
import { tmpdir } from "node:os"
import { join } from "node:path"
import { getRequestListener } from "@hono/node-server"
import { randomAccountSid, randomServiceSid, randomShortCodeSid } from "@shortcode-kit/schema"
import { makeApp } from "../../src/App.js"
import { resolveConfig } from "../../src/Config.js"
import type { SyncFile } from "../../src/store/Durability.js"
import { openStore, type Store } from "../../src/store/Store.js"
import type { Answer, Credentials, TestAccount } from "../support/testServer.js"
import { SHORT_CODE } from "../../src/store/SenderKinds.js"

export const ADMIN_TOKEN = "store-server-admin-token-0123"

export interface StoreServer {
  readonly store: Store
  readonly databasePath: string
  /** A Twilio request with Basic auth; `form` goes as `application/x-www-form-urlencoded`. */
  readonly twilio: (credentials: Credentials, method: string, path: string, form?: Record<string, string>) => Promise<Answer>
  readonly admin: (method: string, path: string, body?: unknown) => Promise<Answer>
  /** An account, a service and `shortCodes` short codes in no service, written straight to the store (and synced). */
  readonly makeAccount: (shortCodes: number) => TestAccount
  readonly close: () => Promise<void>
}

let numbers = 300_000

export const startStoreServer = async (options: { readonly folder?: string; readonly syncFile?: SyncFile } = {}): Promise<StoreServer> => {
  const ownFolder = options.folder === undefined ? mkdtempSync(join(tmpdir(), "shortcode-kit-store-server-")) : undefined
  const databasePath = join(options.folder ?? (ownFolder as string), "emulator.sqlite")
  const store = openStore(databasePath, { servicePoolLimit: 400, ...(options.syncFile === undefined ? {} : { syncFile: options.syncFile }) })
  const config = resolveConfig({ database: databasePath, log: false, adminToken: ADMIN_TOKEN, demo: false })
  const { app, dispose } = makeApp(config, store.repository, { durability: store.durability, reportFault: () => undefined })
  const server = createServer(getRequestListener((request) => app.fetch(request)))
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`

  const request = async (method: string, path: string, headers: Record<string, string>, body?: string): Promise<Answer> => {
    const response = await fetch(`${url}${path}`, { method, headers, ...(body === undefined ? {} : { body }) })
    const text = await response.text()
    return { status: response.status, headers: response.headers, text, json: text === "" ? undefined : JSON.parse(text) }
  }

  return {
    store,
    databasePath,
    twilio: (credentials, method, path, form) =>
      request(
        method,
        path,
        {
          Authorization: `Basic ${Buffer.from(`${credentials.accountSid}:${credentials.authToken}`).toString("base64")}`,
          ...(form === undefined ? {} : { "Content-Type": "application/x-www-form-urlencoded" })
        },
        form === undefined ? undefined : new URLSearchParams(form).toString()
      ),
    admin: (method, path, body) =>
      request(
        method,
        path,
        { Authorization: `Bearer ${ADMIN_TOKEN}`, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
        body === undefined ? undefined : JSON.stringify(body)
      ),
    makeAccount: (shortCodes) => {
      const { repository } = store
      const accountSid = randomAccountSid()
      const authToken = `token-${accountSid.slice(2, 12)}`
      const serviceSid = randomServiceSid()
      const shortCodeSids = Array.from({ length: shortCodes }, () => randomShortCodeSid())
      repository.transaction(() => {
        repository.insertAccount({ sid: accountSid, authToken })
        repository.insertService({ sid: serviceSid, accountSid, friendlyName: "store server" })
        for (const sid of shortCodeSids) {
          repository.insertSender(SHORT_CODE, { sid, accountSid, shortCode: String(numbers++), countryCode: "US", capabilities: ["SMS"] })
        }
      })
      store.durability.flushSync()
      return { accountSid, authToken, serviceSid, shortCodeSids }
    },
    close: async () => {
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await dispose()
      await store.close()
      if (ownFolder !== undefined) rmSync(ownFolder, { recursive: true, force: true })
    }
  }
}
