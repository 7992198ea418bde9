/**
 * @module Checking a booking's answers against the service's questions: required ones present,
 * select values among the options, checkboxes boolean, no unknown question ids.
 */
import type { FieldError, Question } from '@frontdesk/core';
import { validationFailed } from '../errors.js';

export function checkAnswers(
  questions: readonly Question[],
  answers: Record<string, string | boolean>,
): void {
  const errors: FieldError[] = [];
  const known = new Map(questions.map((q) => [q.id, q]));
  for (const id of Object.keys(answers)) {
    if (!known.has(id))
      errors.push({ path: `answers.${id}`, message: 'Unknown question', code: 'unknown_question' });
  }
  for (const q of questions) {
    // Own properties only: a question id such as `constructor` or `__proto__` must not read
    // Object.prototype's members as if the customer had answered.
    const value = Object.hasOwn(answers, q.id) ? answers[q.id] : undefined;
    const path = `answers.${q.id}`;
    const empty = value === undefined || value === '' || (q.type === 'checkbox' && value === false);
    if (empty) {
      if (q.required) errors.push({ path, message: `"${q.label}" is required`, code: 'required' });
      continue;
    }
    if (q.type === 'checkbox' && typeof value !== 'boolean') {
      errors.push({ path, message: 'Expected true or false', code: 'invalid_type' });
    } else if (q.type !== 'checkbox' && typeof value !== 'string') {
      errors.push({ path, message: 'Expected text', code: 'invalid_type' });
    } else if (q.type === 'select' && !(q.options ?? []).includes(value as string)) {
      errors.push({ path, message: 'Not one of the options', code: 'invalid_option' });
    }
  }
  if (errors.length > 0) throw validationFailed(errors, 'Some answers are missing or invalid');
}
