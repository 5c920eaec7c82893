import { connect } from "node:net"
import { TwilioError } from "@shortcode-kit/schema"
import { corsHeaders } from "@shortcode-kit/schema/http"
import { Schema } from "effect"
import { describe, expect, it } from "vitest"
import { makeServer, startServer } from "../src/Server.js"

/** Sends raw bytes and returns the raw response text (the server closes or answers within a second). */
const raw = (port: number, request: string) =>
  new Promise<string>((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => socket.write(request))
    let text = ""
    socket.setEncoding("utf8").on("data", (chunk: string) => {
      text += chunk
      if (/\r\n\r\n/.test(text) && /content-length: (\d+)/i.test(text)) {
        const length = Number(/content-length: (\d+)/i.exec(text)?.[1])
        if (Buffer.byteLength(text.split("\r\n\r\n")[1] ?? "") >= length) socket.end()
      }
    })
    socket.on("end", () => resolve(text)).on("close", () => resolve(text)).on("error", reject)
  })

describe("makeServer", () => {
  it("gives a web handler that can be driven in-process", async () => {
    const emulator = makeServer({ log: false })
    const response = await emulator.fetch(new Request("http://local/v1/Services"))
    expect(response.status).toBe(401)
    expect(emulator.seeded.demo).toEqual({ accounts: 1, services: 1, shortCodes: 3, phoneNumbers: 3, memberships: 1 })
    await emulator.close()
    await emulator.close()
  })

  it("after close, fetch and reset say the emulator is closed; the journal is still there to read", async () => {
    const emulator = makeServer({ log: false, database: ":memory:" })
    await (await emulator.fetch(new Request("http://local/v1/Services"))).arrayBuffer()
    await emulator.close()
    await expect(emulator.fetch(new Request("http://local/v1/Services"))).rejects.toThrow(
      "fetch: the emulator is closed (close() was called); make a new one with makeServer or startServer"
    )
    await expect(emulator.reset()).rejects.toThrow("reset: the emulator is closed (close() was called); make a new one with makeServer or startServer")
    expect(emulator.requests().map((entry) => [entry.method, entry.path, entry.status])).toEqual([["GET", "/v1/Services", 401]])
  })
})

describe("startServer", () => {
  it("leaves the process's global Request and Response alone unless told otherwise", async () => {
    const globals = { Request: globalThis.Request, Response: globalThis.Response }
    const server = await startServer({ port: 0, database: ":memory:", log: false })
    const answer = await fetch(`${server.url}/v1/Services`)
    expect(answer.status).toBe(401)
    expect({ Request: globalThis.Request, Response: globalThis.Response }).toEqual(globals)
    await server.close()
  })

  it("answers a request Node cannot turn into a URL with a Twilio error 400 and the CORS headers", async () => {
    const server = await startServer({ port: 0, log: false })
    try {
      const text = await raw(server.port, "GET /v1\\Services HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
      expect(text).toMatch(/^HTTP\/1\.1 400 /)
      for (const [name, value] of Object.entries(corsHeaders)) expect(text.toLowerCase()).toContain(`${name.toLowerCase()}: ${value.toLowerCase()}`)
      const body = Schema.decodeUnknownSync(TwilioError)(JSON.parse(text.split("\r\n\r\n")[1] ?? ""))
      expect(body).toMatchObject({ code: 20001, status: 400 })
    } finally {
      await server.close()
    }
  })

  it("fails to start on a port in use with the listen error", async () => {
    const first = await startServer({ port: 0, log: false })
    try {
      await expect(startServer({ port: first.port, log: false })).rejects.toThrow(/EADDRINUSE/)
    } finally {
      await first.close()
    }
  })

  it("refuses new connections once closed; closing twice is one close", async () => {
    const server = await startServer({ port: 0, log: false })
    expect((await fetch(`${server.url}/openapi.json`)).status).toBe(200)
    const closing = server.close()
    expect(server.close()).toBe(closing)
    await closing
    await expect(fetch(`${server.url}/openapi.json`)).rejects.toThrow()
  })
})
