<#ftl encoding="UTF-8">
<#-- Nennt das andere Unternehmen und was es bietet, das der Kunde sucht; was es sucht, nur in der zweiten Anfrage
     (youOffer ist für den zuerst Gefragten leer: die andere Seite hat noch nicht zugestimmt). Sonst nichts über sie. -->
Hallo ${customer.preferredName},
<#if introduction.reminder?has_content>

eine kurze Erinnerung an meine Frage von vor ein paar Tagen; ich freue
mich über Ihre Antwort, wie auch immer sie ausfällt.
</#if>

hin und wieder sehe ich unter unseren Kunden Unternehmen, die sich
gegenseitig wirklich weiterhelfen könnten. Gerade denke ich an
${introduction.otherCompany}<#if introduction.youNeed?has_content>: Das Unternehmen bietet ${introduction.youNeed},
wonach Sie suchen</#if><#if introduction.youOffer?has_content><#if introduction.youNeed?has_content>, und es<#else>: Das Unternehmen</#if> sucht ${introduction.youOffer},
was Sie anbieten</#if>.

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
