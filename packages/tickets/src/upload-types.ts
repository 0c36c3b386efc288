/**
 * Names people know for the media types the reference server can accept, for messages that
 * list them ("PNG, JPEG, PDF"). The server and the widget's attachment list both word their
 * refusals with it, so the two never name a type differently.
 */
export const UPLOAD_TYPE_NAMES: Readonly<Record<string, string>> = {
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'image/gif': 'GIF',
  'image/webp': 'WebP',
  'application/pdf': 'PDF',
  'application/zip': 'ZIP',
  'text/plain': 'TXT',
};
