#!/usr/bin/env node
// What one resource costs in the tree: the files of its own (their names say it: src/PhoneNumber.ts,
// routes/phoneNumbers.ts, test/...PhoneNumber...) with their lines, and the lines of every other file of the packages
// that name it (its identifier in any of its spellings), comment lines left out. The measure of "a new resource is a
// short declaration plus its tests" (issue 13): run it for a resource to see what adding one like it took.
//   node scripts/resource-cost.mjs PhoneNumber [AlphaSender ...]
import { execFileSync } from "node:child_process"
import { readFileSync } from "node:fs"
import { basename } from "node:path"

const names = process.argv.slice(2)
if (names.length === 0 || names.some((name) => !/^[A-Z][A-Za-z]+$/.test(name))) {
  console.error("usage: node scripts/resource-cost.mjs <Identifier>... (PascalCase, such as PhoneNumber)")
  process.exit(2)
}

const files = execFileSync("git", ["ls-files", "packages/*/src/**", "packages/*/test/**"], { encoding: "utf8" })
  .split("\n")
  .filter((file) => /\.(ts|mts|mjs)$/.test(file))

/** The spellings of `PhoneNumber`: PhoneNumber, phoneNumber, phone_number, phone-number, PHONE_NUMBER, phone number. */
const spellings = (name) => {
  const words = name.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase().split(" ")
  const camel = words.map((w, i) => (i === 0 ? w : w[0].toUpperCase() + w.slice(1))).join("")
  return [name, camel, words.join("_"), words.join("-"), words.join("_").toUpperCase(), words.join(" ")]
}

const isComment = (line) => /^\s*(\/\/|\/\*\*?|\*)/.test(line)

for (const name of names) {
  const spelled = spellings(name)
  const own = files.filter((file) => spelled.some((s) => basename(file).toLowerCase().includes(s.toLowerCase().replace(/[ _-]/g, ""))))
  const lines = (file) => readFileSync(file, "utf8").split("\n").length - 1
  const pattern = new RegExp(spelled.map((s) => s.replace(/[-]/g, "\\-")).join("|"))
  const shared = files
    .filter((file) => !own.includes(file))
    .map((file) => [file, readFileSync(file, "utf8").split("\n").filter((line) => !isComment(line) && pattern.test(line)).length])
    .filter(([, n]) => n > 0)
  const ownLines = own.reduce((sum, file) => sum + lines(file), 0)
  const ownTests = own.filter((file) => file.includes("/test/"))
  console.log(`${name}: ${own.length} files of its own, ${ownLines} lines (${ownTests.length} of them tests, ${ownTests.reduce((s, f) => s + lines(f), 0)} lines)`)
  for (const file of own) console.log(`  ${String(lines(file)).padStart(5)}  ${file}`)
  const inSrc = shared.filter(([file]) => file.includes("/src/"))
  const inTests = shared.filter(([file]) => file.includes("/test/"))
  const sum = (rows) => rows.reduce((s, [, n]) => s + n, 0)
  console.log(`  named in ${inSrc.length} other source files (${sum(inSrc)} lines) and ${inTests.length} other test files (${sum(inTests)} lines):`)
  for (const [file, n] of [...inSrc, ...inTests]) console.log(`  ${String(n).padStart(5)}  ${file}`)
}
