export type Vars = Readonly<Record<string, string | number>>;

/** Fills `{name}` placeholders; a missing variable stays visible rather than silently vanishing. */
export function translate(template: string, vars?: Vars): string {
  if (!vars) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}
