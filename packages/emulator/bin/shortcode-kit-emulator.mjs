#!/usr/bin/env node
// The `shortcode-kit-emulator` command. This file is committed (the build is not) so that npm links the command of a
// workspace at install time, before anything is built; it only loads the built entry.
import("../dist/main.mjs").catch((error) => {
  process.stderr.write(
    error?.code === "ERR_MODULE_NOT_FOUND" && String(error.message).includes("dist/main.mjs")
      ? "shortcode-kit-emulator: the package is not built (dist/main.mjs is missing): run `npm run build` first\n"
      : `${error?.stack ?? error}\n`
  )
  process.exit(1)
})
