import { Effect, FileSystem, Layer, Path, Sink, Stdio, Stream, Terminal } from "effect"
import { TerminalCapabilities } from "effect/cli"
import { ChildProcessSpawner } from "effect/process"

const writeTo = (stream: NodeJS.WriteStream) => () =>
  Sink.forEach((chunk: string | Uint8Array) => Effect.sync(() => void stream.write(chunk)))

const unused = (what: string) => Effect.die(new Error(`${what} is not supported by shortcode-kit`))

const base = Layer.mergeAll(
  // The commands read their input themselves (a file or standard input), so these stay unused.
  FileSystem.layerNoop({}),
  Path.layer,
  Layer.succeed(ChildProcessSpawner.ChildProcessSpawner, ChildProcessSpawner.make(() => unused("running other programs"))),
  Layer.succeed(Stdio.Stdio, Stdio.make({
    args: Effect.sync(() => process.argv.slice(2)),
    stdout: writeTo(process.stdout),
    stderr: writeTo(process.stderr),
    stdin: Stream.empty,
    stdoutIsTerminal: Effect.sync(() => process.stdout.isTTY === true),
    stderrIsTerminal: Effect.sync(() => process.stderr.isTTY === true),
    stdinIsTerminal: Effect.sync(() => process.stdin.isTTY === true)
  })),
  Layer.succeed(Terminal.Terminal, Terminal.make({
    columns: Effect.sync(() => process.stdout.columns ?? 80),
    rows: Effect.sync(() => process.stdout.rows ?? 24),
    size: unused("reading the terminal size"),
    readInput: unused("interactive input"),
    readLine: unused("interactive input"),
    display: (text) => Effect.sync(() => void process.stdout.write(text))
  }))
)

/**
 * What `effect/cli` needs from the platform, built from Node's own process objects. `@effect/platform-node` would
 * provide it, but it declares Node >= 22.19 while this package supports Node 20.19.
 */
export const NodeCliEnvironment = TerminalCapabilities.layer.pipe(Layer.provideMerge(base))
