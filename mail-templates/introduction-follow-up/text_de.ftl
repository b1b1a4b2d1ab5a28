<#ftl encoding="UTF-8">
Hallo ${customer.preferredName},

vor ein paar Wochen habe ich Sie mit ${introduction.otherContact} von
${introduction.otherCompany} bekannt gemacht. Ich bin neugierig: Haben Sie
sich schon getroffen oder gesprochen?

Ja, haben wir:
${links.metYes}

Noch nicht:
${links.metNo}

Ein Klick genügt, und wenn Sie mir mehr erzählen möchten, antworten Sie
einfach auf diese E-Mail.

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
