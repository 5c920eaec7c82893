/**
 * A declared path template (`/v1/Services/:ServiceSid/ShortCodes/:Sid`) filled in with `values` under `baseUrl` (its
 * trailing slashes dropped); a parameter without a value stays as `:name`.
 */
export const fillPath = (baseUrl: string, template: string, values: Readonly<Record<string, string>>): string =>
  baseUrl.replace(/\/+$/, "") + template.replace(/:(\w+)/g, (_, name: string) => values[name] ?? `:${name}`)
