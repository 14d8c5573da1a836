import { describe, expect, it } from 'vitest';
import { extract } from './index.js';

describe('issuing region inside a city name', () => {
  it.each([
    ['中共佛山市南海区委全面深化改革委员会2026年工作要点\n一、总体要求', '南海区'],
    ['中共珠海市金湾区委全面深化改革委员会2026年工作要点\n一、总体要求', '金湾区'],
    ['市南区2026年工作要点\n一、总体要求', '市南区'],
  ])('reads %s', (text, region) => {
    expect(extract(text).region).toBe(region);
  });

  it('does not take a preposition for a region ("根据区委")', () => {
    const x = extract('督查通报\n根据区委、区政府工作部署，现将有关情况通报如下。');
    expect(x.region).toBeUndefined();
  });
});
