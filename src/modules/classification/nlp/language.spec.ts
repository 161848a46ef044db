import { describe, expect, it } from '@jest/globals';
import { detectLanguage } from './language.js';
import { normalize } from './normalize.js';

const lang = (text: string) => detectLanguage(normalize(text));

describe('detectLanguage', () => {
  it.each([
    ['Das Paket ist leider immer noch nicht angekommen.', 'de'],
    ['Ich warte seit zwei Wochen auf eine Antwort von Ihnen!', 'de'],
    ['Lieferung verspätet', 'de'],
    ['Rückerstattung', 'de'],
    ['My parcel still has not arrived and nobody answers the phone.', 'en'],
    ['Great service, thank you!', 'en'],
    ['refund please', 'en'],
    ["Le colis n'est pas arrivé et personne ne répond à mes messages.", 'other'],
    ['El pedido llegó tarde y la caja estaba rota, pero el servicio fue muy amable.', 'other'],
    ['Посылка так и не пришла', 'other'],
    ['配送が遅れています', 'other'],
    ['😡😡😡', 'other'],
    ['12345 !!!', 'other'],
  ])('%s → %s', (text, expected) => {
    expect(lang(text)).toBe(expected);
  });

  it('takes the language most of a mixed text is written in', () => {
    expect(lang('Hallo, ich habe eine Frage zu meiner Rechnung. Invoice number INV-2291, thanks.')).toBe(
      'de',
    );
    expect(lang('Hi, my order did not arrive. Vielen Dank im Voraus, the tracking says delivered.')).toBe(
      'en',
    );
  });
});
