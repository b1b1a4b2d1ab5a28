<#ftl encoding="UTF-8">
Hallo ${customer.preferredName},

vielen Dank für Ihren Auftrag vom ${purchase.date}. Es freut mich, dass
${customer.company} weiterhin auf uns setzt – das ist für mich alles
andere als selbstverständlich.

  Ihr Auftrag<#if (purchase.description)?has_content>: ${purchase.description}</#if>
  ${purchase.amount}, ${purchase.date}

Sollte etwas nicht ganz so sein, wie Sie es erwartet haben, antworten
Sie einfach auf diese E-Mail. Sie landet direkt bei mir, und ich kümmere
mich darum.

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
