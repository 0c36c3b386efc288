/**
 * How the contact form names the site's own fields: the key of a field's error (the server
 * uses the same, `metadata.<name>`, in `fieldErrors`) and the id of its control (field names
 * may hold `.`, which an id in a selector must not).
 */
export const fieldErrorKey = (name: string): string => `metadata.${name}`;
export const customFieldId = (index: number): string => `cf${index}`;
