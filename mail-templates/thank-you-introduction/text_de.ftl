<#ftl encoding="UTF-8">
Hallo ${customer.preferredName},

vielen Dank, dass Sie offen für den Kontakt zu
${introduction.otherCompany} waren. Gute Unternehmen miteinander ins
Gespräch zu bringen, gehört zu den schönsten Seiten meiner Arbeit – und
es gelingt nur, weil Kunden wie Sie sich darauf einlassen.

Ich hoffe, der Kontakt lohnt sich für Sie. Wenn ich dabei helfen kann
oder es doch nicht passen sollte, sagen Sie mir einfach Bescheid. Eine
kurze Antwort genügt.

<#if (links.recommend)??>
Kennen Sie jemanden, dem wir ebenso helfen könnten? Empfehlen Sie uns hier
weiter:
${links.recommend}

</#if>
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
