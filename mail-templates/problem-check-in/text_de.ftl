<#ftl encoding="UTF-8">
<#assign n = (days!"0")?number>
<#assign vor = (n == 1)?then("einem Tag", (n == 7)?then("einer Woche", (n == 14)?then("zwei Wochen", (n gt 0)?then(n?c + " Tagen", ""))))>
<#assign spaeter = (n == 1)?then("Einen Tag", (n == 7)?then("Eine Woche", (n == 14)?then("Zwei Wochen", (n gt 0)?then(n?c + " Tage", ""))))>
<#assign labels = {"1": "schlecht", "2": "mäßig", "3": "gut", "4": "sehr gut", "5": "ausgezeichnet"}>
Hallo ${customer.preferredName},

<#if vor?has_content>vor etwa ${vor}<#else>kürzlich</#if> haben wir Ihr Anliegen („${problem.summary}“)
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
