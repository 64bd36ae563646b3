/** The path the request layer saw for a page request, for building `?next=`. */
export const REQUEST_PATH_HEADER = "x-orion-path";
