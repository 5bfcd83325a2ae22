import { css } from 'lit';
import { ratingStyles } from '../article-rating/article-rating.styles.js';
import { tokens } from '../shared/tokens.styles.js';

const local = css`
  :host {
    display: block;
    color: var(--_text);
  }
  .block {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 1.25);
    padding: calc(var(--_space) * 1.25);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 2);
  }
  h2 {
    margin: 0;
    font-size: 1.5em;
    line-height: 1.2;
    font-weight: 600;
  }
  .rating-host {
    align-self: flex-start;
  }
  @media (forced-colors: active) {
    .block {
      border-color: CanvasText;
    }
  }
`;

// The rating's own styles lay out its stand-in (a box of the same size) in the first frame.
export const styles = [tokens, ratingStyles, local];
