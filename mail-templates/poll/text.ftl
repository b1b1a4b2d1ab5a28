<#ftl encoding="UTF-8">
Hi ${customer.preferredName},

we would like to learn how we can serve ${customer.company} better, and
your answer would help me a lot. It takes a minute:

<#list poll.questions as question>
- ${question.text}
</#list>

Answer here: ${links.poll}

You can answer until ${poll.endsOn}. If you would rather tell me in your
own words, just reply to this email – it comes straight to me.

Thank you and warm regards,
${salesperson.name}
${company.name}
${salesperson.email}
<#if (links.unsubscribe)??>

---
You are receiving this email as a customer of
${company.name}.
If you would rather not receive emails like this, unsubscribe here:
${links.unsubscribe}
</#if>
