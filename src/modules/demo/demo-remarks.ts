import type { Channel, Topic } from '../../../config/defaults.js';
import type { RawRemark } from '../ingestion/raw-remark.js';

/**
 * The demo inbox: remarks composed from hand-written sentences per topic and language, with
 * varying openers, closers, people and channels. A seeded generator keeps every demo the same.
 */
type Lang = 'de' | 'en';
type Tone = 'negative' | 'neutral' | 'positive';

interface TopicText {
  subjects: string[];
  negative: string[];
  neutral: string[];
  positive?: string[];
}

const DE: Record<Topic, TopicText> = {
  delivery: {
    subjects: ['Lieferung überfällig', 'Paket nicht angekommen', 'Wo bleibt meine Bestellung?'],
    negative: [
      'Meine Bestellung {order} sollte vor {days} Tagen geliefert werden, die Sendungsverfolgung zeigt seitdem nichts Neues.',
      'Laut Paketdienst wurde das Paket zugestellt, bei mir ist aber nichts angekommen. Auch die Nachbarn haben nichts.',
      'Der Karton kam völlig zerdrückt an, die Lieferung hat außerdem eine Woche länger gedauert als angekündigt.',
    ],
    neutral: [
      'Können Sie mir sagen, wann meine Bestellung {order} versendet wird? Ich bin nächste Woche im Urlaub.',
      'Ist eine Lieferung an eine Packstation möglich? Ich möchte die Lieferadresse für {order} ändern.',
    ],
    positive: ['Die Lieferung kam einen Tag früher als angekündigt, sehr gut verpackt. Danke!'],
  },
  billing: {
    subjects: ['Rechnung {order} fehlerhaft', 'Doppelte Abbuchung', 'Frage zur Rechnung'],
    negative: [
      'Mir wurde die Rechnung {order} doppelt vom Konto abgebucht. Bitte erstatten Sie die zweite Abbuchung umgehend.',
      'Auf der Rechnung steht ein falscher Betrag, die Gutschrift für die Rücksendung fehlt immer noch.',
      'Ich habe eine Mahnung bekommen, obwohl die Rechnung längst per Überweisung bezahlt ist.',
    ],
    neutral: [
      'Könnten Sie mir die Rechnung zu Bestellung {order} noch einmal als PDF schicken? Ich finde sie nicht mehr.',
      'Bitte ändern Sie die Rechnungsadresse auf meinen Firmennamen, ich brauche die Rechnung für die Buchhaltung.',
    ],
  },
  returns_refunds: {
    subjects: ['Rücksendung {order}', 'Erstattung fehlt', 'Umtausch'],
    negative: [
      'Ich habe den {product} vor drei Wochen zurückgeschickt und warte immer noch auf die Erstattung.',
      'Das Retourenlabel funktioniert nicht, der Paketshop nimmt die Rücksendung nicht an.',
    ],
    neutral: [
      'Wie kann ich den {product} umtauschen? Ich bräuchte eine Nummer größer.',
      'Bis wann kann ich die Bestellung {order} zurückgeben? Das Geschenk hat leider nicht gepasst.',
    ],
  },
  product_quality: {
    subjects: ['{product} defekt', 'Reklamation', 'Qualitätsmangel'],
    negative: [
      'Der {product} ist nach zwei Wochen kaputt gegangen, das Material ist billig verarbeitet.',
      'Bei meinem {product} löst sich schon nach dem ersten Waschen die Naht. Für den Preis ist das eine Zumutung.',
      'Der {product} funktioniert nicht richtig und macht seit gestern seltsame Geräusche.',
    ],
    neutral: ['Gibt es für den {product} Ersatzteile? Das Ladekabel ist verloren gegangen.'],
    positive: ['Der {product} ist hervorragend verarbeitet und hält, was er verspricht. Klare Empfehlung!'],
  },
  service_staff: {
    subjects: ['Beschwerde über Mitarbeiter', 'Lob für Ihr Team', 'Erfahrung in der Filiale'],
    negative: [
      'Die Mitarbeiterin an der Hotline war unfreundlich und hat einfach aufgelegt.',
      'In der Filiale wurde ich von oben herab behandelt, niemand wollte mir helfen.',
    ],
    neutral: ['Ich möchte gerne mit der Teamleitung sprechen, können Sie mir einen Termin geben?'],
    positive: [
      'Ein großes Lob an Herrn {lastname} aus dem Kundenservice, er hat sich sehr freundlich und kompetent um alles gekümmert.',
      'Die Beratung in Ihrer Filiale war super, die Verkäuferin hat sich viel Zeit genommen.',
    ],
  },
  reachability: {
    subjects: ['Niemand erreichbar', 'Keine Antwort', 'Dritte Anfrage'],
    negative: [
      'Ich versuche seit einer Woche, Sie telefonisch zu erreichen, immer nur die Warteschleife.',
      'Das ist jetzt meine dritte E-Mail zu diesem Thema und ich habe immer noch keine Antwort bekommen.',
      'Ich wurde schon viermal weiterverbunden und jeder sagt mir, er sei nicht zuständig.',
    ],
    neutral: ['Zu welchen Zeiten ist Ihre Hotline erreichbar? Auf der Webseite finde ich dazu nichts.'],
  },
  website_app: {
    subjects: ['Fehler in der App', 'Login funktioniert nicht', 'Problem beim Bezahlen'],
    negative: [
      'Die App stürzt jedes Mal ab, wenn ich in den Warenkorb gehe. Ich kann so nichts bestellen.',
      'Ich kann mich seit dem Update nicht mehr einloggen, das Passwort zurücksetzen funktioniert auch nicht.',
      'Beim Bezahlen auf der Webseite kommt nur eine Fehlermeldung, der Checkout bricht ab.',
    ],
    neutral: ['Gibt es die App auch für Tablets? Im Store finde ich nur die Handy-Version.'],
  },
  pricing: {
    subjects: ['Preiserhöhung', 'Preis falsch ausgezeichnet', 'Rabattcode'],
    negative: [
      'Der {product} kostet bei Ihnen fast doppelt so viel wie bei der Konkurrenz. Das ist viel zu teuer.',
      'Im Prospekt stand ein anderer Preis als an der Kasse, das ist irreführend.',
    ],
    neutral: ['Gilt der Rabattcode aus dem Newsletter auch für reduzierte Artikel?'],
  },
  feature_request: {
    subjects: ['Vorschlag', 'Wunsch für die App', 'Idee'],
    negative: ['Es ist ärgerlich, dass man in der App keine Rechnungen herunterladen kann. Bitte ergänzen!'],
    neutral: [
      'Ein Vorschlag: Es wäre toll, wenn man in der App einen Wunschzettel anlegen könnte.',
      'Könnten Sie den {product} auch in Grün anbieten? Das würde ich sofort kaufen.',
    ],
    positive: ['Tolle App! Schön wäre noch ein dunkler Modus, dann wäre sie perfekt.'],
  },
  privacy: {
    subjects: ['Auskunft nach DSGVO', 'Löschung meiner Daten', 'Werbung abbestellen'],
    negative: [
      'Ich bekomme ständig Werbung von Ihnen, obwohl ich nie eingewilligt habe. Woher haben Sie meine Daten?',
      'Ich verlange die Löschung aller meiner personenbezogenen Daten nach Art. 17 DSGVO.',
    ],
    neutral: [
      'Bitte senden Sie mir eine Auskunft über alle zu meiner Person gespeicherten Daten (Art. 15 DSGVO).',
    ],
  },
  other: {
    subjects: ['Allgemeine Frage', 'Anfrage', 'Kurze Frage'],
    negative: ['Ich bin insgesamt sehr enttäuscht von Ihnen und werde nicht mehr bei Ihnen einkaufen.'],
    neutral: [
      'Haben Sie auch Gutscheine zum Verschenken? Ich suche ein Geburtstagsgeschenk.',
      'Bieten Sie Ausbildungsplätze an? Ich interessiere mich für eine Stelle im Einzelhandel.',
    ],
    positive: ['Ich kaufe seit Jahren bei Ihnen und bin immer zufrieden. Macht weiter so!'],
  },
};

const EN: Record<Topic, TopicText> = {
  delivery: {
    subjects: ['Late delivery', 'Parcel never arrived', 'Where is my order?'],
    negative: [
      'My order {order} was due {days} days ago and the tracking has not moved since.',
      'The courier marked the parcel as delivered, but nothing arrived at my door.',
      'The box arrived crushed and the delivery took a week longer than promised.',
    ],
    neutral: [
      'Could you tell me when order {order} will be shipped? I am away next week.',
      'Can I still change the delivery address for order {order}?',
    ],
    positive: ['My parcel arrived a day early and well packed. Thank you!'],
  },
  billing: {
    subjects: ['Wrong invoice', 'Charged twice', 'Invoice question'],
    negative: [
      'I was charged twice for invoice {order}. Please refund the duplicate payment to my card.',
      'The invoice shows the wrong amount and the credit for my return is still missing.',
      'I received a payment reminder although I paid the invoice by bank transfer weeks ago.',
    ],
    neutral: ['Could you send me the invoice for order {order} again as a PDF?'],
  },
  returns_refunds: {
    subjects: ['Return {order}', 'Refund missing', 'Exchange'],
    negative: [
      'I sent the {product} back three weeks ago and I am still waiting for my refund.',
      'The return label does not work and the drop-off point refuses the parcel.',
    ],
    neutral: ['How can I exchange the {product} for a larger size?'],
  },
  product_quality: {
    subjects: ['{product} broken', 'Complaint', 'Quality issue'],
    negative: [
      'The {product} broke after two weeks, the material feels cheap.',
      'The seams of my {product} came apart after the first wash. Not acceptable at this price.',
    ],
    neutral: ['Are spare parts available for the {product}? I lost the charger.'],
    positive: ['The {product} is excellent quality and works exactly as described. Highly recommended!'],
  },
  service_staff: {
    subjects: ['Complaint about staff', 'Thanks to your team', 'Store visit'],
    negative: ['The agent on the phone was rude and simply hung up on me.'],
    neutral: ['I would like to speak to a team lead. Can you arrange a call?'],
    positive: [
      'Many thanks to {firstname} from customer service, who was friendly and sorted everything out quickly.',
      'The staff in your store were wonderful and took their time to help me.',
    ],
  },
  reachability: {
    subjects: ['Nobody answers', 'No reply', 'Third attempt'],
    negative: [
      'I have been trying to reach you by phone for a week and I am always stuck on hold.',
      'This is my third email about this and I still have not received any answer.',
      'I was transferred four times and everyone said it was not their department.',
    ],
    neutral: ['What are the opening hours of your hotline? I cannot find them on the website.'],
  },
  website_app: {
    subjects: ['App crashes', 'Cannot log in', 'Checkout error'],
    negative: [
      'The app crashes every time I open the basket, so I cannot order anything.',
      'Since the update I cannot log in and the password reset link does not work either.',
      'The website shows an error at checkout and the payment page never loads.',
    ],
    neutral: ['Is there a tablet version of your app? I only find the phone version.'],
  },
  pricing: {
    subjects: ['Price increase', 'Wrong price', 'Discount code'],
    negative: ['The {product} costs almost twice as much as elsewhere. That is far too expensive.'],
    neutral: ['Does the newsletter discount code also apply to sale items?'],
  },
  feature_request: {
    subjects: ['Suggestion', 'Feature request', 'Idea'],
    negative: ['It is annoying that the app has no way to download invoices. Please add it!'],
    neutral: [
      'A suggestion: it would be great to have a wish list in the app.',
      'Could you offer the {product} in green as well? I would buy it right away.',
    ],
    positive: ['Great app! A dark mode would make it perfect.'],
  },
  privacy: {
    subjects: ['GDPR request', 'Delete my data', 'Unsubscribe'],
    negative: ['I keep getting marketing emails although I never consented. Where did you get my data?'],
    neutral: ['Please send me a copy of all personal data you hold about me under the GDPR.'],
  },
  other: {
    subjects: ['General question', 'Enquiry', 'Quick question'],
    negative: ['Overall I am very disappointed and will not shop with you again.'],
    neutral: ['Do you sell gift cards? I am looking for a birthday present.'],
    positive: ['I have been a customer for years and I am always happy. Keep it up!'],
  },
};

const OPENERS: Record<Lang, Record<Tone, string[]>> = {
  de: {
    negative: ['Sehr geehrte Damen und Herren,', 'Hallo,', 'Guten Tag,', ''],
    neutral: ['Hallo,', 'Guten Tag,', 'Liebes Team,', ''],
    positive: ['Hallo liebes Team,', 'Hallo,', ''],
  },
  en: {
    negative: ['Dear Sir or Madam,', 'Hello,', 'Hi,', ''],
    neutral: ['Hello,', 'Hi there,', ''],
    positive: ['Hi team,', 'Hello,', ''],
  },
};

const CLOSERS: Record<Lang, Record<Tone, string[]>> = {
  de: {
    negative: [
      'Ich erwarte eine schnelle Lösung.',
      'So geht das nicht weiter.',
      'Bitte melden Sie sich umgehend.',
      '',
    ],
    neutral: ['Vielen Dank im Voraus.', 'Danke für eine kurze Rückmeldung.', ''],
    positive: ['Viele Grüße und weiter so!', ''],
  },
  en: {
    negative: ['I expect this to be fixed quickly.', 'Please get back to me as soon as possible.', ''],
    neutral: ['Thanks in advance.', 'Looking forward to your reply.', ''],
    positive: ['Best wishes!', ''],
  },
};

const FIRST = {
  de: ['Anna', 'Jonas', 'Leonie', 'Mehmet', 'Sabine', 'Thomas', 'Katarina', 'Lukas', 'Ingrid', 'Yusuf'],
  en: ['Emily', 'James', 'Olivia', 'Daniel', 'Priya', 'Michael', 'Grace', 'Tom'],
};
const LAST = {
  de: ['Müller', 'Schmidt', 'Yilmaz', 'Becker', 'Hoffmann', 'Nowak', 'Wagner', 'Krüger'],
  en: ['Smith', 'Johnson', 'Patel', 'Brown', "O'Neill", 'Taylor', 'Walker'],
};
const PRODUCTS = {
  de: ['Wasserkocher', 'Wintermantel', 'Kopfhörer', 'Rucksack', 'Staubsauger', 'Laufschuh'],
  en: ['kettle', 'winter coat', 'headphones', 'backpack', 'vacuum cleaner', 'running shoe'],
};

/** Mulberry32: small, seeded, good enough to vary demo data the same way every time. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface DemoRemark {
  remark: RawRemark;
  topic: Topic;
  tone: Tone;
}

const CHANNEL_MIX: Channel[] = ['email', 'email', 'email', 'webform', 'webform', 'feed', 'feed', 'api'];

/** `count` remarks over the last `days` days, newest last (ids `<prefix><n>`). */
export function demoRemarks(count: number, now: number, days = 12, prefix = 'demo-'): DemoRemark[] {
  const random = seeded(4711);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const topics = Object.keys(DE) as Topic[];
  const people: Record<Lang, { name: string; email: string }[]> = { de: [], en: [] };
  const result: DemoRemark[] = [];
  for (let i = 0; i < count; i++) {
    const lang: Lang = random() < 0.6 ? 'de' : 'en';
    const topic = pick(topics);
    const texts = (lang === 'de' ? DE : EN)[topic];
    const tone: Tone =
      texts.positive && random() < 0.2 ? 'positive' : random() < 0.7 ? 'negative' : 'neutral';
    // Some people write more than once (repeat contacts across channels).
    const known = people[lang];
    const person =
      known.length > 5 && random() < 0.12
        ? pick(known)
        : (() => {
            const first = pick(FIRST[lang]);
            const last = pick(LAST[lang]);
            const email = `${first}.${last}${i}@example.${lang === 'de' ? 'de' : 'com'}`
              .toLowerCase()
              .replace(/[^a-z0-9.@]/g, '');
            const p = { name: `${first} ${last}`, email };
            known.push(p);
            return p;
          })();
    const fill = (s: string) =>
      s
        .replace('{order}', `A-${100000 + Math.floor(random() * 900000)}`)
        .replace('{days}', String(3 + Math.floor(random() * 12)))
        .replace('{product}', pick(PRODUCTS[lang]))
        .replace('{lastname}', pick(LAST.de))
        .replace('{firstname}', pick(FIRST.en));
    const core = fill(pick(texts[tone] ?? texts.negative));
    const opener = pick(OPENERS[lang][tone]);
    const closer = pick(CLOSERS[lang][tone]);
    const text = [opener, core, closer, person.name].filter(Boolean).join('\n\n');
    const channel = pick(CHANNEL_MIX);
    // Older remarks first; a cluster in the last hours so the inbox has fresh ones too.
    const age = i > count * 0.85 ? random() * 6 * 3600_000 : (1 - i / count) * days * 86_400_000;
    const rating =
      tone === 'positive' ? 4 + Math.round(random()) : tone === 'neutral' ? 3 : 1 + Math.round(random());
    result.push({
      topic,
      tone,
      remark: {
        channel,
        connectorId: null,
        externalId: `${prefix}${i}`,
        text,
        subject: channel === 'email' ? fill(pick(texts.subjects)) : null,
        author:
          channel === 'feed'
            ? { name: person.name.replace(/ (\S)\S*$/, ' $1.'), identity: person.name }
            : { name: person.name, email: person.email },
        rating: channel === 'feed' ? rating : null,
        url: channel === 'feed' ? `https://reviews.example.com/review/${i}` : null,
        receivedAt: Math.round(now - age),
      },
    });
  }
  return result;
}

/** What agents answer, per language. */
export const DEMO_REPLIES: Record<Lang, string[]> = {
  de: [
    'Vielen Dank für Ihre Nachricht. Wir haben uns den Vorgang angesehen und melden uns bis morgen mit einer Lösung.',
    'Entschuldigen Sie bitte die Unannehmlichkeiten. Die Erstattung ist veranlasst und sollte in 3–5 Werktagen auf Ihrem Konto sein.',
    'Danke für Ihr Feedback! Wir haben es an das zuständige Team weitergegeben.',
  ],
  en: [
    'Thank you for your message. We are looking into it and will get back to you by tomorrow.',
    'We are sorry for the trouble. Your refund has been issued and should reach your account within 3–5 working days.',
    'Thanks for your feedback! We have passed it on to the team in charge.',
  ],
};

export const DEMO_NOTES = [
  'Kunde hat zusätzlich angerufen, Rückruf vereinbart.',
  'Mit Logistik abgestimmt, Nachforschungsauftrag läuft.',
  'Checked with accounting: duplicate charge confirmed.',
];
