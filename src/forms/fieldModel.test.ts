import { describe, expect, it } from 'vitest';
import { fieldsFromSchema, isLongText, schemaTypeText } from './fieldModel';

describe('the field model', () => {
  it('shows the declared type, not the control', () => {
    expect(schemaTypeText({ type: 'string' })).toBe('string');
    expect(schemaTypeText({ type: 'integer' })).toBe('integer');
    expect(schemaTypeText({ type: 'array', items: { type: 'number' } })).toBe('array<number>');
    expect(schemaTypeText({ type: 'array' })).toBe('array');
    expect(schemaTypeText({ type: ['string', 'null'] } as never)).toBe('string | null');
    expect(schemaTypeText({ type: 'string', format: 'binary' })).toBe('string (file)');
    expect(schemaTypeText({ enum: ['a', 'b'] })).toBe('enum');
    expect(schemaTypeText({ contentMediaType: 'application/json' })).toBe('json');
    expect(schemaTypeText({})).toBe('any');
  });

  it('gives a string one line unless the schema or its name says it is long', () => {
    expect(isLongText('name', { type: 'string' })).toBe(false);
    expect(isLongText('separator', { type: 'string', maxLength: 10 })).toBe(false);
    expect(isLongText('note', { type: 'string', format: 'textarea' })).toBe(true);
    expect(isLongText('note', { type: 'string', 'x-multiline': true } as never)).toBe(true);
    expect(isLongText('note', { type: 'string', maxLength: 2000 })).toBe(true);
    expect(isLongText('note', { type: 'string', default: 'one\ntwo' })).toBe(true);
    for (const name of ['text', 'body', 'content', 'user_content', 'bodyText', 'prompt']) {
      expect(isLongText(name, { type: 'string' }), name).toBe(true);
    }
    for (const name of ['context', 'textile', 'contents_id', 'message']) {
      expect(isLongText(name, { type: 'string' }), name).toBe(false);
    }
  });

  it('marks only text fields multiline', () => {
    const [text, count] = fieldsFromSchema({
      type: 'object',
      properties: { text: { type: 'string' }, count: { type: 'integer' } },
      required: ['text'],
    });
    expect(text).toMatchObject({ kind: 'text', multiline: true, typeText: 'string' });
    expect(count).toMatchObject({ kind: 'number', multiline: false, typeText: 'integer' });
  });
});
