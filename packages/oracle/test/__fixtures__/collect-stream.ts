import type { LanguageModel, LanguageModelRequest, LanguageModelStreamPart } from '../../src/spec/language-model';

/**
 * Every part `model.stream(request)` yields, in order.
 *
 * @example
 * ```ts
 * const parts = await collectStream(model, { messages: [{ role: 'user', content: 'Hello' }] });
 * ```
 */
export async function collectStream(model: LanguageModel, request: LanguageModelRequest): Promise<LanguageModelStreamPart[]> {
  const parts: LanguageModelStreamPart[] = [];
  for await (const part of model.stream(request)) parts.push(part);
  return parts;
}
