/**
 * The `part`s of a `<comment-form>`, re-exported (`exportparts`) by whatever holds one: the
 * reply forms of `<comment-list>` and, through the list, `<article-feedback>`.
 */
export const FORM_PARTS = 'label,input,textarea,button,feedback,form,count,status';

/** Every part of the block's inner elements, so `article-feedback::part(button)` etc. reach them. */
export const BLOCK_PARTS = `${FORM_PARTS},star,stars,summary,comment`;
