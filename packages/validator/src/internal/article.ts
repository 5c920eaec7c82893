/**
 * A noun with its indefinite article, for the harness's messages: `an AlphaSender`, `an alpha sender`, `a ShortCode`.
 * By the first letter, which is right for the resource names and words the package derives.
 */
export const withArticle = (noun: string): string => `${/^[aeiou]/i.test(noun) ? "an" : "a"} ${noun}`
