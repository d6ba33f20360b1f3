// A skill-engine component built with the synchronous QuickJS runtime. It answers in the
// bare {success, output, errorMessage} shape that skill-engine's own example skills use.
const tools = [
  {
    name: 'stats',
    description: 'Count, sum, mean, min and max of a list of numbers.',
    parameters: [
      { name: 'values', paramType: 'array', description: 'The numbers', required: true },
    ],
  },
  {
    name: 'scale',
    description: 'Multiply a value by a factor.',
    parameters: [
      { name: 'value', paramType: 'number', description: 'The value', required: true },
      {
        name: 'factor',
        paramType: 'number',
        description: 'The factor',
        required: false,
        defaultValue: '2',
      },
    ],
  },
  {
    name: 'pick',
    description: 'The value at a dotted path in a JSON document.',
    parameters: [
      { name: 'data', paramType: 'json', description: 'A JSON document', required: true },
      {
        name: 'path',
        paramType: 'string',
        description: 'Dotted path such as items.0.name (empty for the whole document)',
        required: false,
      },
    ],
  },
  {
    name: 'inspect-file',
    description: 'Size, line count and first line of a file.',
    parameters: [{ name: 'file', paramType: 'file', description: 'Any text file', required: true }],
  },
];

const done = (output) => JSON.stringify({ success: true, output, errorMessage: null });
const failed = (message) => JSON.stringify({ success: false, output: '', errorMessage: message });

// skill-engine sends every argument as a string; accept real JSON values too.
function parseJsonArg(value) {
  return typeof value === 'string' ? JSON.parse(value) : value;
}

export function getMetadata() {
  return JSON.stringify({
    name: 'data-tools',
    version: '1.0.0',
    description: 'Summarises numbers, scales values, picks from JSON and inspects files.',
    author: 'Skill Playground examples',
  });
}

export function getTools() {
  return JSON.stringify(tools);
}

export function executeTool(toolName, argsJson) {
  const args = JSON.parse(argsJson);
  try {
    switch (toolName) {
      case 'stats': {
        const values = parseJsonArg(args.values).map(Number);
        if (values.length === 0) return failed('values must not be empty');
        if (values.some(Number.isNaN)) return failed('every value must be a number');
        const sum = values.reduce((a, b) => a + b, 0);
        return done(
          JSON.stringify({
            count: values.length,
            sum,
            mean: sum / values.length,
            min: Math.min(...values),
            max: Math.max(...values),
          }),
        );
      }
      case 'scale': {
        const value = Number(args.value);
        const factor = Number(args.factor ?? 2);
        if (Number.isNaN(value) || Number.isNaN(factor))
          return failed('value and factor must be numbers');
        return done(String(value * factor));
      }
      case 'pick': {
        let current = parseJsonArg(args.data);
        const path = args.path ? String(args.path).split('.') : [];
        for (const key of path) {
          if (current === null || typeof current !== 'object' || !(key in current)) {
            return failed(`no value at ${args.path}`);
          }
          current = current[key];
        }
        return done(JSON.stringify(current));
      }
      case 'inspect-file': {
        const text = String(args.file ?? '');
        const lines = text.split('\n');
        return done(
          JSON.stringify({
            characters: [...text].length,
            lines: text.endsWith('\n') ? lines.length - 1 : lines.length,
            firstLine: lines[0],
          }),
        );
      }
      default:
        return failed(`unknown tool: ${toolName}`);
    }
  } catch (e) {
    return failed(e.message);
  }
}

export function validateConfig() {
  return JSON.stringify({ ok: null });
}
