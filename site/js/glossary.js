// Words explained where they appear: a <details> per term in every
// `.ivp-terms` holder of the markup (data-terms="…").
import { ivpElement } from './dom.js';

// Words explained where they appear, in B1 Dutch (docs/glossary.md explains them for developers).
export const IVP_GLOSSARY = {
  melding: ['melding', 'Het eerste contact met de gemeente over uw hulpvraag, bijvoorbeeld een telefoontje of een formulier. Vanaf die dag lopen de termijnen van de wet.'],
  ivp: ['IVP (Integraal Voorzieningen Plan)', 'Een plan voor alle voorzieningen die u de komende jaren nodig kunt hebben, met één budget. Het ALS protocol vraagt de gemeente zo\'n plan te maken bij de eerste melding.'],
  keukentafelgesprek: ['keukentafelgesprek', 'Het gesprek met iemand van de gemeente over wat u nodig hebt. Vaak bij u thuis. U mag iemand meenemen, zoals uw mantelzorger.'],
  mantelzorger: ['mantelzorger', 'Iemand die voor u zorgt omdat hij of zij u kent: uw partner, een familielid of een vriend.'],
  wmo: ['Wmo', 'De Wet maatschappelijke ondersteuning 2015. Via deze wet helpt de gemeente, bijvoorbeeld met een aanpassing in huis of een rolstoel.'],
  zvw: ['Zvw', 'De Zorgverzekeringswet. Via deze wet betaalt uw zorgverzekeraar sommige hulpmiddelen, zoals een tillift of een hoog-laagbed.'],
  maatwerk: ['maatwerk', 'De gemeente kijkt per persoon wat nodig is. Daarom is wat u hier ziet een inschatting en geen besluit.'],
  clientgebonden: ['cliëntgebonden', 'Alleen voor u te gebruiken, zoals een aanpassing aan uw huis of auto.'],
  herinzetbaar: ['herinzetbaar', 'Een hulpmiddel dat na gebruik terug kan en dan door iemand anders wordt gebruikt, zoals een rolstoel of tillift.'],
  verstrekkingenboek: ['verstrekkingenboek', 'Een boek van de gemeente met de regels voor voorzieningen. Hier gebruiken we als voorbeeld dat van de gemeente Hattem uit 2014. Vergelijk het met de regels (verordening) van uw eigen gemeente.'],
  eigenbijdrage: ['eigen bijdrage', 'Het bedrag dat u zelf betaalt voor sommige Wmo-voorzieningen. Het CAK rekent het uit en stuurt de rekening.'],
  pgb: ['pgb (persoonsgebonden budget)', 'Geld om een voorziening zelf te kopen of te regelen, in plaats van dat de gemeente hem levert.'],
  werkdag: ['werkdag', 'Maandag tot en met vrijdag, behalve feestdagen zoals Koningsdag en Kerstmis (volgens de Algemene termijnenwet).'],
  sla: ['SLA (afspraak over termijnen)', 'De afspraak in het ALS protocol over hoeveel werkdagen elke stap mag duren: de revalidatie, de gemeente of zorgverzekeraar, en de leverancier.'],
  beschikking: ['beschikking', 'De brief waarin de gemeente officieel beslist over uw aanvraag. Daartegen kunt u bezwaar maken.'],
  aanvraag: ['aanvraag', 'Het officiële verzoek om een voorziening, na het gesprek (onderzoek) met de gemeente.'],
};

export function ivpGlossaryMount(root) {
  for (const holder of root.querySelectorAll('.ivp-terms')) {
    for (const term of holder.getAttribute('data-terms').split(/\s+/)) {
      const entry = IVP_GLOSSARY[term];
      if (!entry) continue;
      holder.append(ivpElement('details', { className: 'ivp-term' },
        ivpElement('summary', { text: `Wat betekent "${entry[0]}"?` }), ivpElement('p', { text: entry[1] })));
    }
  }
}
