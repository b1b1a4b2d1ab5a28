<#ftl encoding="UTF-8">
<#assign oneYear = (years?string == "1")>
Hallo ${customer.preferredName},

heute vor <#if oneYear>genau einem Jahr<#else>${years} Jahren</#if> hat unsere Zusammenarbeit begonnen.
Dafür möchte ich mich ganz herzlich bei Ihnen bedanken – für Ihr
Vertrauen, für Ihre Geduld, wenn einmal nicht alles glatt lief, und für
die vielen guten Gespräche.

Ich freue mich auf die kommenden Jahre. Wenn ich irgendetwas für Sie tun
kann, antworten Sie einfach auf diese E-Mail.

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
