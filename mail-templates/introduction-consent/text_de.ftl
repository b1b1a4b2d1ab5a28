<#ftl encoding="UTF-8">
<#-- Nie den Namen des anderen Kunden nennen, nur introduction.reason. -->
Hallo ${customer.preferredName},

hin und wieder sehe ich unter unseren Kunden Unternehmen, die sich
gegenseitig wirklich weiterhelfen könnten. Gerade denke ich an eines,
das gut zu Ihnen passen könnte:
${introduction.reason?remove_ending(".")}.

Darf ich Sie miteinander bekannt machen? Ihre Kontaktdaten gebe ich nur
weiter, wenn auch die andere Seite zustimmt – bis dahin erfährt keiner
von Ihnen mehr über den anderen als das, was in einer Nachricht wie
dieser steht.

Ja, gerne:
${links.consentYes}

Nein, danke:
${links.consentNo}

Sie gehen damit keinerlei Verpflichtung ein, und an unserer
Zusammenarbeit ändert Ihre Antwort nichts. Wenn Sie vorher noch Fragen
haben, antworten Sie einfach auf diese E-Mail.

Herzliche Grüße
${salesperson.name}
${company.name}
${salesperson.email}
<#if (links.unsubscribe)??>

---
Sie erhalten diese E-Mail als Kunde von
${company.name}.
Wenn Sie solche E-Mails nicht mehr erhalten möchten, können Sie sich
hier abmelden:
${links.unsubscribe}
</#if>
