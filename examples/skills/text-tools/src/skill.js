// A skill-engine component: four exports that speak JSON strings.
// Arguments arrive as a JSON object whose values are all strings, as skill-engine's runtime sends them.
import { getEnvironment } from 'wasi:cli/environment@0.2.12';

const tools = [
  {
    name: 'greet',
    description: 'Greet someone with the configured greeting.',
    parameters: [
      { name: 'name', paramType: 'string', description: 'Who to greet', required: true },
      {
        name: 'excited',
        paramType: 'boolean',
        description: 'End with an exclamation mark',
        required: false,
        defaultValue: 'false',
      },
    ],
  },
  {
    name: 'word-count',
    description: 'Count the words, lines and characters of a text.',
    parameters: [
      { name: 'text', paramType: 'string', description: 'The text to count', required: true },
      {
        name: 'unique',
        paramType: 'boolean',
        description: 'Also count distinct words (case-insensitive)',
        required: false,
      },
    ],
  },
  {
    name: 'slugify',
    description: 'Turn a title into a URL slug.',
    parameters: [
      { name: 'text', paramType: 'string', description: 'The title', required: true },
      {
        name: 'separator',
        paramType: 'string',
        description: 'What joins the words',
        required: false,
        defaultValue: '-',
      },
    ],
  },
];

function env() {
  return Object.fromEntries(getEnvironment());
}

function ok(output) {
  return JSON.stringify({ ok: { success: true, output, errorMessage: null } });
}

function fail(message) {
  return JSON.stringify({ ok: { success: false, output: '', errorMessage: message } });
}

const isTrue = (value) => value === true || value === 'true';

export function getMetadata() {
  return JSON.stringify({
    name: 'text-tools',
    version: '1.0.0',
    description: 'Greets people and counts or slugifies text.',
    author: 'Skill Playground examples',
    license: 'Apache-2.0',
  });
}

export function getTools() {
  return JSON.stringify(tools);
}

export function executeTool(toolName, argsJson) {
  let args;
  try {
    args = JSON.parse(argsJson);
  } catch (e) {
    return JSON.stringify({ err: `arguments are not JSON: ${e.message}` });
  }
  switch (toolName) {
    case 'greet': {
      const vars = env();
      const greeting = vars.SKILL_GREETING ?? vars.greeting ?? 'Hello';
      if (!args.name) return fail('name is required');
      return ok(`${greeting}, ${args.name}${isTrue(args.excited) ? '!' : '.'}`);
    }
    case 'word-count': {
      const text = String(args.text ?? '');
      const words = text.split(/\s+/).filter(Boolean);
      const result = {
        words: words.length,
        lines: text === '' ? 0 : text.split('\n').length,
        characters: [...text].length,
      };
      if (isTrue(args.unique)) result.uniqueWords = new Set(words.map((w) => w.toLowerCase())).size;
      return ok(JSON.stringify(result));
    }
    case 'slugify': {
      const separator = args.separator ?? '-';
      const slug = String(args.text ?? '')
        .normalize('NFKD')
        .replace(/[\u0300-\u036f]/g, '')
        .toLowerCase()
        .split(/[^a-z0-9]+/)
        .filter(Boolean)
        .join(separator);
      return ok(slug);
    }
    default:
      return JSON.stringify({ err: `unknown tool: ${toolName}` });
  }
}

export function validateConfig(configJson) {
  const config = JSON.parse(configJson);
  const greeting = config.greeting?.value ?? config.greeting;
  if (greeting !== undefined && String(greeting).trim() === '') {
    return JSON.stringify({ err: 'greeting must not be empty' });
  }
  return JSON.stringify({ ok: null });
}
