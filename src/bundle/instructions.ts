// Instructions-only skills: the arguments a SKILL.md declares, and its body with them filled in,
// the way Claude Code ($ARGUMENTS, $ARGUMENTS[N], $N) and awaken (${name}) substitute them.

export interface ArgumentSpec {
  name: string;
  description: string;
  required: boolean;
}

/**
 * The arguments of a skill: awaken's list of {name, description, required}, Claude Code's
 * space-separated string, else the names in `argument-hint` ("[file] [mode]"), else none.
 */
export function argumentsOf(frontmatter: Record<string, unknown> | null): ArgumentSpec[] {
  if (!frontmatter) return [];
  const declared = frontmatter.arguments;
  if (Array.isArray(declared)) {
    return declared
      .filter(
        (a): a is Record<string, unknown> =>
          typeof a === 'object' && a !== null && typeof a.name === 'string',
      )
      .map((a) => ({
        name: a.name as string,
        description: typeof a.description === 'string' ? a.description : '',
        required: a.required === true,
      }));
  }
  if (typeof declared === 'string') {
    return declared
      .split(/\s+/)
      .filter(Boolean)
      .map((name) => ({ name, description: '', required: false }));
  }
  const hint = frontmatter['argument-hint'];
  if (typeof hint === 'string') {
    const names = [...hint.matchAll(/[[<]([^\]>]+)[\]>]/g)]
      .map((m) => m[1]!.trim())
      .filter(Boolean);
    return names.map((name) => ({ name, description: hint, required: false }));
  }
  return [];
}

/**
 * Fills the body: `$ARGUMENTS` is every value joined by spaces, `$ARGUMENTS[N]` and `$N` the Nth
 * (from 0), `${name}` the named one. Unknown names are left as written, so nothing is lost.
 */
export function renderInstructions(
  body: string,
  args: Array<{ name: string; value: string }>,
): string {
  const values = args.map((a) => a.value);
  const byName = new Map(args.map((a) => [a.name, a.value]));
  // One pass, so that text put in by one substitution is never read by another.
  return body.replace(
    /\$ARGUMENTS\[(\d+)\]|\$ARGUMENTS\b|\$\{([A-Za-z0-9_-]+)\}|\$(\d+)\b/g,
    (whole, index?: string, name?: string, position?: string) => {
      if (index !== undefined) return values[Number(index)] ?? whole;
      if (name !== undefined) return byName.get(name) ?? whole;
      if (position !== undefined) return values[Number(position)] ?? whole;
      return values.filter((v) => v !== '').join(' ');
    },
  );
}
