/**
 * An attribution as a reader needs it in a table: "he" says little, so a pronoun or description resolved to an
 * entity is shown with the entity's name ("he (Sergei Lavrov)"); a surface that already names it stays as it is.
 */
export function attributionLabel(surface: string, entity: string | null, names: ReadonlyMap<string, string>): string {
  const name = entity ? names.get(entity) : undefined;
  if (!name || surface.toLowerCase().includes(name.toLowerCase()) || name.toLowerCase().includes(surface.toLowerCase())) return surface;
  return `${surface} (${name})`;
}
