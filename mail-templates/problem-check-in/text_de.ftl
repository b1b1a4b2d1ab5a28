<#ftl encoding="UTF-8">
<#assign labels = {"1": "schlecht", "2": "mäßig", "3": "gut", "4": "sehr gut", "5": "ausgezeichnet"}>
Hallo ${customer.preferredName},

vor etwa einer Woche haben wir Ihr Anliegen („${problem.summary}“)
gelöst. Ich möchte kurz nachfragen, wie es seitdem läuft.

Wie zufrieden sind Sie damit, wie wir das Problem gelöst haben? Öffnen
Sie einfach einen dieser Links:

<#list links.ratings as rating>
  ${(rating.score + " – " + labels[rating.score?string]!"")?right_pad(18)} ${rating.url}
</#list>

Und falls doch noch etwas nicht stimmt, antworten Sie einfach auf diese
E-Mail. Sie landet direkt bei mir.

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
