// How a command skill's input and output are read (sim-lib's process protocols, OpenSkills'
// OpenSkills contract): the input goes to stdin (and SKILL_INPUT), stdout is the output.

export type Protocol = 'json-stdio' | 'line-text';

export interface CommandResult {
  success: boolean;
  /** stdout as the protocol reads it: JSON text when it parses, else the text itself. */
  output: string;
  errorMessage: string | null;
  /** line-text: how many lines the command wrote. */
  lineCount?: number;
}

/**
 * What the command reads on stdin. json-stdio: the input as JSON. line-text: text; an input
 * holding a single string (or a form with one string field) gives that string, as sim-lib's
 * process runner turns a one-item call into its text.
 */
export function commandStdin(protocol: Protocol, input: unknown): string {
  if (protocol === 'line-text') {
    if (typeof input === 'string') return input;
    if (input && typeof input === 'object' && !Array.isArray(input)) {
      const values = Object.values(input);
      if (values.length === 1 && typeof values[0] === 'string') return values[0];
    }
  }
  return JSON.stringify(input ?? null);
}

/** Reads what a finished command wrote; a non-zero exit is a failure that names the status. */
export function readCommandOutput(
  protocol: Protocol,
  stdout: string,
  exitCode: number,
): CommandResult {
  const failure = exitCode === 0 ? null : `The command exited with status ${exitCode}.`;
  if (protocol === 'line-text') {
    const lines = stdout.split('\n').map((line) => line.replace(/\r$/, ''));
    if (lines.at(-1) === '') lines.pop();
    return {
      success: !failure,
      output: lines.join('\n'),
      errorMessage: failure,
      lineCount: lines.length,
    };
  }
  const trimmed = stdout.trim();
  let output = trimmed;
  try {
    if (trimmed !== '') output = JSON.stringify(JSON.parse(trimmed));
  } catch {
    // Not JSON: OpenSkills wraps such output as text, and so do we.
  }
  return { success: !failure, output, errorMessage: failure };
}
