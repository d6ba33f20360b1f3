/** The instance a skill's runs use. A stand-in until named instances land (store/instances). */
export const currentInstance = (_skillKey: string): string => 'default';
