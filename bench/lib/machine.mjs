// The machine line of every result: Node version, CPU model, cores, memory, OS.
import { arch, cpus, platform, release, totalmem } from "node:os"

export const machine = () => {
  const list = cpus()
  return {
    node: process.version,
    cpu: list[0]?.model.trim() ?? "unknown",
    cores: list.length,
    memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    os: `${platform()} ${release()} ${arch()}`
  }
}

export const machineLine = (m) => `node ${m.node} · ${m.cpu} · ${m.cores} cores · ${m.memoryGiB} GiB · ${m.os}`
