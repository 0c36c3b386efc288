import { html, nothing } from 'lit';
import { valueOf } from '../../controllers/fields.js';
import type { FieldValues, FormField } from '../../controllers/fields.js';
import { emitInternal } from '../../core/events.js';
import type { Translator } from '../../i18n/translator.js';
import { customFieldId } from './field-ids.js';

/**
 * One of the site's own fields (`fields` option): text, textarea, select or checkbox, with the
 * same parts, labels and error wiring as the built-in fields. Its label is the site's text,
 * always set as text. Optional fields say so; a select starts on an empty "Choose…".
 */
export function renderCustomField(
  host: HTMLElement,
  field: FormField,
  index: number,
  values: FieldValues,
  error: string | undefined,
  { t }: Translator,
  readonly: boolean,
) {
  const id = customFieldId(index);
  const value = valueOf(field, values);
  const describedBy = error ? `${id}-error` : nothing;
  const invalid = error ? 'true' : nothing;
  const report = (next: string | boolean) =>
    emitInternal(host, 'ph-field', { name: field.name, value: next });
  const onText = (event: Event) =>
    report((event.target as HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement).value);
  const errorLine = error
    ? html`<p part="field-error" class="field-error" id="${id}-error">${error}</p>`
    : nothing;

  if (field.type === 'checkbox') {
    return html`<div part="field" class="field check">
      <input
        part="control"
        id=${id}
        name=${field.name}
        type="checkbox"
        ?required=${field.required}
        ?disabled=${readonly}
        aria-invalid=${invalid}
        aria-describedby=${describedBy}
        .checked=${value === true}
        @change=${(event: Event) => report((event.target as HTMLInputElement).checked)}
      />
      <label part="label" for=${id}>${field.label}</label>
      ${errorLine}
    </div>`;
  }
  const text = String(value);
  const control =
    field.type === 'select'
      ? html`<select
          part="control"
          id=${id}
          name=${field.name}
          ?required=${field.required}
          ?disabled=${readonly}
          aria-invalid=${invalid}
          aria-describedby=${describedBy}
          @change=${onText}
        >
          <option value="" ?selected=${text === ''}>${t('selectPlaceholder')}</option>
          ${(field.options ?? []).map(
            (option) =>
              html`<option .value=${option} ?selected=${option === text}>${option}</option>`,
          )}
        </select>`
      : field.type === 'textarea'
        ? html`<textarea
            part="control"
            id=${id}
            name=${field.name}
            rows="3"
            maxlength=${field.maxLength ?? 500}
            ?required=${field.required}
            ?readonly=${readonly}
            aria-invalid=${invalid}
            aria-describedby=${describedBy}
            .value=${text}
            @input=${onText}
          ></textarea>`
        : html`<input
            part="control"
            id=${id}
            name=${field.name}
            type="text"
            maxlength=${field.maxLength ?? 500}
            ?required=${field.required}
            ?readonly=${readonly}
            aria-invalid=${invalid}
            aria-describedby=${describedBy}
            .value=${text}
            @input=${onText}
          />`;
  return html`<div part="field" class="field">
    <label part="label" for=${id}
      >${field.label}${field.required ? nothing : html` <span class="muted">${t('optional')}</span>`}</label
    >
    ${control} ${errorLine}
  </div>`;
}
