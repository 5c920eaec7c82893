// The schemas are usable without the HTTP stack: importing "@shortcode-kit/schema" must not load effect/http or
// effect/http-api; "@shortcode-kit/schema/http" does. Checked on the built files, as users get them.
import { readFileSync } from "node:fs"
import { createRequire } from "node:module"
import { dirname, join } from "node:path"
import { build } from "esbuild"
import { describe, expect, test } from "vitest"

const require = createRequire(import.meta.url)
const HTTP_MODULE = /^effect\/(http|http-api)(\/|$)/

/** Every bare module specifier reachable from a built file through its relative imports (chunks). */
const externalImports = (entry: string): Set<string> => {
  const seen = new Set<string>()
  const external = new Set<string>()
  const visit = (file: string) => {
    if (seen.has(file)) return
    seen.add(file)
    const source = readFileSync(file, "utf8")
    const specifiers = [
      ...source.matchAll(/\bfrom\s*["']([^"']+)["']/g),
      ...source.matchAll(/\bimport\s*\(?\s*["']([^"']+)["']/g),
      ...source.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)
    ].map((match) => match[1] as string)
    for (const specifier of specifiers) {
      if (specifier.startsWith(".")) visit(join(dirname(file), specifier))
      else external.add(specifier)
    }
  }
  visit(entry)
  return external
}

/** The files esbuild loads to bundle `import * as m from <specifier>`, as paths relative to effect's dist. */
const effectModulesLoadedBy = async (specifier: string): Promise<Array<string>> => {
  const result = await build({
    stdin: { contents: `export * from ${JSON.stringify(specifier)}`, resolveDir: dirname(new URL(import.meta.url).pathname), loader: "js" },
    bundle: true,
    write: false,
    metafile: true,
    platform: "node",
    format: "esm",
    logLevel: "silent"
  })
  return Object.keys(result.metafile.inputs)
    .map((input) => /node_modules\/effect\/dist\/(.*)$/.exec(input)?.[1])
    .filter((path): path is string => path !== undefined)
}

describe("the root export does not pull in the HTTP modules", () => {
  test.each(["@shortcode-kit/schema", "@shortcode-kit/schema/http"])("%s resolves to built files", (specifier) => {
    expect(require.resolve(specifier)).toMatch(/\/packages\/schema\/dist\/(index|http)\.cjs$/)
  })

  test("dist/index.mjs and dist/index.cjs import no effect/http* module, directly or through a chunk", () => {
    for (const file of ["index.mjs", "index.cjs"]) {
      const imports = [...externalImports(join(dirname(require.resolve("@shortcode-kit/schema")), file))]
      expect(imports.length, file).toBeGreaterThan(0)
      expect(imports.filter((specifier) => HTTP_MODULE.test(specifier)), file).toEqual([])
    }
  })

  test("dist/http.mjs and dist/http.cjs do import effect/http and effect/http-api", () => {
    for (const file of ["http.mjs", "http.cjs"]) {
      const imports = externalImports(join(dirname(require.resolve("@shortcode-kit/schema")), file))
      expect(imports.has("effect/http-api"), file).toBe(true)
      expect(imports.has("effect/http"), file).toBe(true)
    }
  })

  test("bundling the root export loads no HTTP module beyond what effect/Schema itself loads (esbuild metafile)", async () => {
    // effect's Schema.js imports four small modules of effect/http (Cookies, Headers, UrlParams) for its own
    // codecs; anything more would come from this package.
    const isHttp = (path: string) => path.startsWith("http/") || path.startsWith("http-api/")
    const baseline = new Set((await effectModulesLoadedBy("effect/Schema")).filter(isHttp))
    const root = await effectModulesLoadedBy("@shortcode-kit/schema")
    expect(root).toContain("Schema.js")
    expect(root.filter((path) => isHttp(path) && !baseline.has(path))).toEqual([])
    const http = await effectModulesLoadedBy("@shortcode-kit/schema/http")
    expect(http).toContain("http-api/HttpApiClient.js")
    expect(http).toContain("http/FetchHttpClient.js")
  })
})
