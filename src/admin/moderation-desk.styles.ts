import { css } from 'lit';
import { tokens } from '../components/shared/tokens.styles.js';

/** The dashboard's look: the widget's design tokens (light and dark), laid out for 320 px and up. */
export const styles = [
  tokens,
  css`
    :host {
      display: block;
      min-height: 100vh;
      background-color: var(--_bg);
      --_canvas: var(--_bg);
      font-family: var(--af-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    }
    .page {
      max-width: 60rem;
      margin: 0 auto;
      padding: calc(var(--_space) * 0.75);
    }
    header {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      justify-content: space-between;
      gap: 0.5rem;
      border-bottom: 1px solid var(--_border);
      padding-bottom: 0.5rem;
      margin-bottom: 0.75rem;
    }
    h1 {
      font-size: 1.25rem;
      margin: 0;
    }
    h2 {
      font-size: 1.1rem;
      margin: 0.5rem 0;
    }
    nav,
    .toolbar,
    .filters,
    .actions,
    .bulk {
      display: flex;
      flex-wrap: wrap;
      gap: 0.375rem;
      align-items: center;
    }
    .filters {
      margin: 0.75rem 0;
    }
    .filters label {
      display: flex;
      flex-direction: column;
      gap: 0.125rem;
      flex: 1 1 12rem;
      font-size: 0.875em;
      color: var(--_muted);
    }
    input[type='search'],
    input[type='text'],
    input[type='password'],
    textarea {
      font: inherit;
      color: var(--_text);
      background: var(--_bg);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: 0.375rem 0.5rem;
      width: 100%;
    }
    textarea {
      min-height: 6rem;
      resize: vertical;
    }
    button {
      font: inherit;
      font-size: 0.875em;
      color: var(--_text);
      background: var(--_surface);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: 0.25rem 0.625rem;
      min-height: 2rem;
      cursor: pointer;
    }
    button.primary,
    button[aria-pressed='true'] {
      background: var(--_accent);
      border-color: var(--_accent);
      color: var(--_accent-text);
    }
    button.link {
      background: none;
      border: none;
      padding: 0;
      min-height: auto;
      color: var(--_accent);
      text-decoration: underline;
      font-size: inherit;
      text-align: start;
    }
    button.danger {
      color: var(--_invalid);
    }
    button:disabled {
      opacity: 0.6;
      cursor: default;
    }
    :is(button, input, textarea, a, li, [tabindex]):focus-visible {
      outline: 2px solid var(--_accent);
      outline-offset: 2px;
      box-shadow: 0 0 0 0.25rem var(--_focus);
    }
    a {
      color: var(--_accent);
    }
    .count {
      display: inline-block;
      min-width: 1.5em;
      margin-inline-start: 0.25rem;
      padding: 0 0.375rem;
      border-radius: 1em;
      background: var(--_bg);
      color: var(--_text);
      font-variant-numeric: tabular-nums;
    }
    ol.queue {
      list-style: none;
      margin: 0;
      padding: 0;
      display: grid;
      gap: 0.5rem;
    }
    ol.queue > li {
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      padding: 0.625rem 0.75rem;
      display: grid;
      grid-template-columns: auto 1fr;
      gap: 0.25rem 0.625rem;
    }
    ol.queue > li.current {
      border-color: var(--_accent);
      box-shadow: inset 0.25rem 0 0 var(--_accent);
    }
    ol.queue > li.selected {
      background: color-mix(in srgb, var(--_accent) 12%, var(--_surface));
    }
    ol.queue > li > input[type='checkbox'] {
      align-self: start;
      margin-top: 0.3rem;
      width: 1.1rem;
      height: 1.1rem;
    }
    .row-body {
      min-width: 0;
    }
    .selected-count {
      font-weight: 600;
      margin-inline: 0.25rem;
    }
    button.approve {
      border-color: var(--_accent);
      color: var(--_accent);
    }
    .reply-to {
      display: block;
      font-size: 0.8em;
      text-transform: uppercase;
      letter-spacing: 0.04em;
    }
    .meta {
      display: flex;
      flex-wrap: wrap;
      gap: 0.125rem 0.75rem;
      font-size: 0.875em;
      color: var(--_muted);
    }
    .meta .name {
      color: var(--_text);
      font-weight: 600;
    }
    .status {
      text-transform: uppercase;
      font-size: 0.75em;
      letter-spacing: 0.04em;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: 0 0.25rem;
    }
    .stars {
      color: var(--_star);
    }
    .message {
      white-space: pre-wrap;
      margin: 0.375rem 0;
    }
    /* A formatted body: its paragraphs and line breaks are elements, so spaces wrap as usual. */
    .message.formatted {
      white-space: normal;
    }
    .message.formatted > :first-child {
      margin-top: 0;
    }
    .message.formatted p {
      margin: 0.35em 0 0;
    }
    blockquote {
      margin: 0.375rem 0;
      padding: 0.125rem 0.625rem;
      border-inline-start: 3px solid var(--_border);
      color: var(--_muted);
      font-size: 0.875em;
    }
    .parent-text {
      white-space: pre-wrap;
    }
    .block-choice {
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem;
      align-items: center;
      margin-top: 0.375rem;
    }
    .bulk label {
      display: flex;
      gap: 0.375rem;
      align-items: center;
      margin-inline-end: 0.5rem;
    }
    .bulk {
      position: sticky;
      top: 0;
      z-index: 1;
      background: var(--_bg);
      padding: 0.375rem 0;
      border-bottom: 1px solid var(--_border);
      margin-bottom: 0.5rem;
    }
    .undo {
      position: fixed;
      inset-inline: 0.75rem;
      bottom: 0.75rem;
      margin: 0 auto;
      max-width: 30rem;
      display: flex;
      gap: 0.75rem;
      align-items: center;
      justify-content: space-between;
      padding: 0.5rem 0.75rem;
      border-radius: var(--_radius);
      background: var(--_text);
      color: var(--_bg);
    }
    .undo button {
      background: var(--_bg);
      color: var(--_text);
    }
    .empty,
    .hint {
      color: var(--_muted);
    }
    .error {
      color: var(--_invalid);
    }
    form.sign-in {
      max-width: 22rem;
      margin: 3rem auto;
      display: grid;
      gap: 0.5rem;
    }
    dialog {
      color: var(--_text);
      background: var(--_bg);
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      max-width: min(28rem, calc(100vw - 2rem));
    }
    dialog::backdrop {
      background: rgb(0 0 0 / 0.45);
    }
    dl.keys {
      display: grid;
      grid-template-columns: auto 1fr;
      gap: 0.25rem 0.75rem;
    }
    dl.keys dt {
      font-family: ui-monospace, monospace;
      font-weight: 700;
    }
    dl.keys dd {
      margin: 0;
    }
    kbd {
      font-family: ui-monospace, monospace;
      border: 1px solid var(--_border);
      border-radius: 0.25rem;
      padding: 0 0.25rem;
    }
    ul.blocks {
      list-style: none;
      padding: 0;
      display: grid;
      gap: 0.5rem;
    }
    ul.blocks li {
      display: flex;
      flex-wrap: wrap;
      justify-content: space-between;
      gap: 0.5rem;
      align-items: center;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      padding: 0.5rem 0.75rem;
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
    /* Deliveries (#16): a table on a wide screen, one card per delivery on a narrow one. */
    .deliveries-tools {
      margin: 0.5rem 0 0.75rem;
    }
    .depth {
      color: var(--_muted);
      font-size: 0.875em;
    }
    table.deliveries {
      width: 100%;
      border-collapse: collapse;
      font-size: 0.875em;
    }
    table.deliveries th,
    table.deliveries td {
      text-align: start;
      vertical-align: top;
      padding: 0.375rem;
      border-bottom: 1px solid var(--_border);
    }
    table.deliveries :is(th, td, button) {
      overflow-wrap: normal;
    }
    table.deliveries :is(td.target, td.last-error) {
      overflow-wrap: anywhere;
    }
    table.deliveries td.target {
      min-width: 12rem;
    }
    table.deliveries td.last-error {
      min-width: 7rem;
    }
    table.deliveries :is(time > span, button) {
      white-space: nowrap;
    }
    table.deliveries th {
      color: var(--_muted);
      font-weight: 600;
      white-space: nowrap;
    }
    table.deliveries .kind {
      display: block;
      font-size: 0.8em;
      text-transform: uppercase;
      letter-spacing: 0.04em;
      color: var(--_muted);
    }
    table.deliveries .number {
      font-variant-numeric: tabular-nums;
    }
    table.deliveries .badge {
      display: inline-block;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      padding: 0 0.375rem;
      white-space: nowrap;
    }
    tr.state-failed .badge {
      color: var(--_invalid);
      border-color: var(--_invalid);
      font-weight: 600;
    }
    tr.state-delivered .badge {
      color: var(--_valid);
      border-color: var(--_valid);
    }
    tr.state-failed .last-error {
      color: var(--_invalid);
    }
    button[aria-disabled='true'] {
      opacity: 0.6;
      cursor: progress;
    }
    /* Wider than its column after all (long words in another language…): it scrolls, not the page. */
    .table-wrap {
      overflow-x: auto;
    }
    @media (max-width: 56rem) {
      table.deliveries thead {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip-path: inset(50%);
      }
      table.deliveries,
      table.deliveries tbody,
      table.deliveries tr {
        display: block;
      }
      table.deliveries tr {
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_surface);
        padding: 0.375rem 0.625rem;
        margin-bottom: 0.5rem;
      }
      table.deliveries td {
        display: flex;
        gap: 0.75rem;
        border: none;
        padding: 0.125rem 0;
      }
      table.deliveries td::before {
        content: attr(data-label);
        flex: 0 0 6rem;
        color: var(--_muted);
        font-weight: 600;
      }
      table.deliveries :is(td.target, td.last-error) {
        min-width: 0;
      }
      table.deliveries td.action::before {
        content: none;
      }
      table.deliveries td.action {
        padding-top: 0.375rem;
      }
      table.deliveries td.no-action {
        display: none;
      }
    }
    @media (forced-colors: active) {
      ol.queue > li.current {
        outline: 2px solid CanvasText;
      }
    }
  `,
];
