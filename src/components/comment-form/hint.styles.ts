import { css } from 'lit';

/**
 * The icons of the hints' field states, which only ./lazy/checks.ts makes. Adopted by each form once
 * that module is there, so the file every page loads does not carry them.
 */
export const hintStyles = css`
  /* Not under forced colours (Windows High Contrast), where they would keep their own colours. */
  @media (forced-colors: none) {
    .control.is-valid {
      background-image: url("data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 8 8'><path fill='%23157347' d='M2.3 6.73.6 4.53c-.4-1 .5-1.4 1.1-.8l1.1 1.4 3.4-3.8c.6-.6 1.6-.3 1.2.7l-4 4.6c-.4.5-.8.4-1.1.1z'/></svg>");
    }
    .control.is-invalid {
      background-image: url("data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 12 12' fill='none' stroke='%23c62a38'><circle cx='6' cy='6' r='4.5'/><path stroke-linejoin='round' d='M5.8 3.6h.4L6 6.5z'/><circle cx='6' cy='8.2' r='.6' fill='%23c62a38' stroke='none'/></svg>");
    }
  }
`;
