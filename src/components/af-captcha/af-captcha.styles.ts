import { css } from 'lit';

export const captchaStyles = css`
  :host {
    display: block;
  }
  .captcha {
    display: grid;
    gap: calc(var(--_space) * 0.25);
  }
  .label {
    font-weight: 500;
  }
  .widget {
    min-height: 0;
  }
  .status {
    margin: 0;
    min-height: 1.25em;
    font-size: 0.875em;
    color: var(--_muted);
  }
  .status.ok {
    color: var(--_valid);
  }
  .status.bad {
    color: var(--_invalid);
  }
  .status:focus {
    outline: none;
  }
  .status:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 2px;
    border-radius: var(--_radius);
  }
  .mark {
    margin-inline-end: 0.35em;
  }
  @media (forced-colors: active) {
    .status.ok,
    .status.bad {
      color: CanvasText;
    }
  }
`;
