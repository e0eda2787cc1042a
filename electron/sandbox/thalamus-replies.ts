/**
 * The answers of the sandbox's Thalamus, in its common envelope:
 *   201 {"links": [], "data": {"entity": {...}}, "errors": {}}
 *   400 {"links": [], "data": {}, "errors": {"categoryOrType": "InvalidCode"}}
 *   401 {"links": [], "data": {}, "errors": {"session": "NotLoggedIn"}}
 */
import type { Reply } from './wolkvox-replies';

export function thalamusData(status: number, data: unknown): Reply {
  return { status, json: { links: [], data, errors: {} } };
}

export function thalamusErrors(status: number, errors: Record<string, string>): Reply {
  return { status, json: { links: [], data: {}, errors } };
}
