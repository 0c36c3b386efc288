/**
 * The attachments chunk (`porthole-attachments-<hash>.js` beside the script bundle): the list
 * of files with their uploads, and `porthole-attachments`, registered on import. Loaded when
 * a visitor first attaches a file, so a visit without attachments never downloads it.
 *
 * Files are only ever attached in the panel, so its part is always there already. Importing
 * it here tells the bundler so: Lit and the rest the two share then stay inside the panel's
 * file, instead of moving to a shared file that every visit would download on its own.
 */
import './panel.js';
import '../components/attachments/attachments.js';

export { AttachmentList } from '../controllers/attachments.js';
