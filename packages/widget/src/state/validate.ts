/**
 * @module The checks the server makes on a booking's customer and answers (core's `Customer`
 * schema and the API's answer rules), repeated here without zod so the visitor hears about a
 * mistake before a round trip — and without spending the widget's size budget on a schema library.
 */
import type { Question } from '@frontdesk/core';
import type { Messages } from '../i18n/en.js';

export interface DetailsValues {
  name: string;
  email: string;
  phone: string;
  answers: Record<string, string | boolean>;
}

/** Field name (`name`, `email`, `phone`, `answers.<id>`) → message. */
export type FieldMessages = Record<string, string>;

// The same patterns core's schemas use (zod's email check, the phone regex of `Customer`).
const emailPattern =
  /^(?!\.)(?!.*\.\.)([A-Za-z0-9_'+\-.]*)[A-Za-z0-9_+-]@([A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;
const phonePattern = /^\+?[0-9 ()./-]{5,40}$/;

/**
 * Returns the messages for every field that the server would reject; empty when all is well.
 *
 * @example
 * validateDetails({ name: '', email: 'x', phone: '', answers: {} }, [], en); // { name: …, email: … }
 */
export function validateDetails(values: DetailsValues, questions: Question[], t: Messages): FieldMessages {
  const errors: FieldMessages = {};
  const name = values.name.trim();
  if (!name) errors.name = t.required;
  else if (name.length > 200) errors.name = t.tooLong(200);
  const email = values.email.trim();
  if (!email) errors.email = t.required;
  else if (email.length > 254 || !emailPattern.test(email)) errors.email = t.badEmail;
  const phone = values.phone.trim();
  if (phone && !phonePattern.test(phone)) errors.phone = t.badPhone;
  for (const q of questions) {
    const answer = values.answers[q.id];
    const field = `answers.${q.id}`;
    if (q.type === 'checkbox') {
      if (q.required && answer !== true) errors[field] = t.required;
    } else {
      const text = typeof answer === 'string' ? answer.trim() : '';
      if (q.required && !text) errors[field] = t.required;
      else if (text.length > 2000) errors[field] = t.tooLong(2000);
    }
  }
  return errors;
}

/** The answers as the API wants them: checkboxes as booleans, empty optional texts left out. */
export function cleanAnswers(values: DetailsValues, questions: Question[]): Record<string, string | boolean> {
  const answers: Record<string, string | boolean> = {};
  for (const q of questions) {
    const answer = values.answers[q.id];
    if (q.type === 'checkbox') answers[q.id] = answer === true;
    else if (typeof answer === 'string' && answer.trim()) answers[q.id] = answer.trim();
  }
  return answers;
}
