<#ftl encoding="UTF-8">
Hallo ${customer.preferredName},

wie versprochen möchte ich Sie mit ${introduction.otherContact} von
${introduction.otherCompany} bekannt machen.
Sie haben beide zugestimmt – umso mehr freue ich mich, Sie
zusammenzubringen.

Woran ich dabei gedacht habe:
${introduction.reason?remove_ending(".")}.

Sie erreichen ${introduction.otherContact} unter:
${introduction.otherEmail}

Auch ${introduction.otherContact} hat eine kurze Nachricht mit Ihren
Kontaktdaten bekommen – es kann also gut sein, dass man sich zuerst bei
Ihnen meldet.

Ich bin gespannt, wie Ihr erstes Gespräch verläuft. Und wenn ich
irgendwie helfen kann, antworten Sie einfach auf diese E-Mail.

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
