/**
 * @module Answers against questions: ids that name members of every JS object are not answers.
 */
import type { Question } from '@frontdesk/core';
import { describe, expect, it } from 'vitest';
import { checkAnswers } from './answers.js';

describe('checkAnswers', () => {
  it('reads only answers actually given, even for ids like constructor (stored before they were refused)', () => {
    const questions: Question[] = [
      { id: 'constructor', label: 'Anything else?', type: 'text', required: false },
      { id: 'tostring', label: 'Allergies', type: 'text', required: true },
    ];
    expect(() => checkAnswers(questions, { tostring: 'none' })).not.toThrow();
    const required: Question[] = [{ id: 'constructor', label: 'Allergies', type: 'text', required: true }];
    expect(() => checkAnswers(required, {})).toThrow(expect.objectContaining({ status: 422 }));
    try {
      checkAnswers(required, {});
    } catch (error) {
      expect(error).toMatchObject({ errors: [{ path: 'answers.constructor', code: 'required' }] });
    }
    expect(() => checkAnswers(required, { constructor: 'peanuts' })).not.toThrow();
  });
});
