// release-test: the emulator as a test suite uses it: the handle's types, the SDK clients from the ./twilio subpath
import twilio from "twilio"
import { type Emulator, makeServer, type RunningServer, type ServerOptions, startServer } from "@shortcode-kit/emulator"
import { makeInProcessHttpClient, makeTwilioHttpClient } from "@shortcode-kit/emulator/twilio"

const options: ServerOptions = { database: ":memory:", log: false, servicePoolLimit: 10 }
const accountSid = `AC${"a".repeat(32)}`

export const inProcess = async (): Promise<string | null> => {
  const emulator: Emulator = makeServer(options)
  const client = twilio(accountSid, "demo-auth-token", { httpClient: makeInProcessHttpClient(emulator) })
  const added = await client.messaging.v1
    .services(`MG${"a".repeat(32)}`)
    .shortCodes.create({ shortCodeSid: `SC${"a".repeat(32)}` })
  await emulator.close()
  return added.shortCode
}

export const overHttp = async (): Promise<number> => {
  const server: RunningServer = await startServer({ ...options, port: 0 })
  const client = twilio(accountSid, "demo-auth-token", { httpClient: makeTwilioHttpClient(server.url) })
  const services = await client.messaging.v1.services.list()
  await server.close()
  return services.length
}
