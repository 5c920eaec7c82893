// The baselines of the load benchmark, run as their own process like the app: a bare node:http server that answers
// GET with a canned body (the app's own response bytes, so both send as much) and, for POST and DELETE, appends the
// request to a file and calls fdatasync once before answering: the floor for a durable acknowledgement without
// batching. The write is synchronous on purpose: overlapping fdatasync calls from a thread pool would let the kernel
// batch them, which is group commit, not the baseline.
//
// Configuration comes in one JSON argument: { getBodies: { [path]: text }, postBody, dataFile, sameHeaders? }, where
// sameHeaders: { path, headers } answers GET `path` (`/same-headers` + a path of getBodies) with that path's body and
// the given headers: the app's own response, byte for byte but for the date.
// It prints "listening <port>" once ready.
import { closeSync, fdatasyncSync, openSync, writeSync } from "node:fs"
import { createServer } from "node:http"

const config = JSON.parse(process.argv[2])
const getBodies = new Map(Object.entries(config.getBodies).map(([path, text]) => [path, Buffer.from(text)]))
const postBody = Buffer.from(config.postBody)
const fd = openSync(config.dataFile, "a")

const sameHeaders = config.sameHeaders
const sameHeadersBody = sameHeaders === undefined ? undefined : getBodies.get(sameHeaders.path.slice("/same-headers".length))

const server = createServer((request, response) => {
  if (request.method === "GET" && sameHeaders !== undefined && request.url === sameHeaders.path) {
    response.writeHead(200, sameHeaders.headers).end(sameHeadersBody)
    return
  }
  if (request.method === "GET") {
    const body = getBodies.get(request.url)
    if (body === undefined) {
      response.writeHead(404).end()
      return
    }
    response.writeHead(200, { "Content-Type": "application/json", "Content-Length": body.length }).end(body)
    return
  }
  const chunks = []
  request.on("data", (chunk) => chunks.push(chunk))
  request.on("end", () => {
    writeSync(fd, `${request.method} ${request.url} ${Buffer.concat(chunks).toString()}\n`)
    fdatasyncSync(fd)
    if (request.method === "POST") response.writeHead(201, { "Content-Type": "application/json", "Content-Length": postBody.length }).end(postBody)
    else response.writeHead(204).end()
  })
})

server.listen(0, "127.0.0.1", () => process.stdout.write(`listening ${server.address().port}\n`))
process.on("SIGTERM", () => {
  server.close()
  closeSync(fd)
  process.exit(0)
})
