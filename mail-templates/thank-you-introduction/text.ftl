<#ftl encoding="UTF-8">
Hi ${customer.preferredName},

Thank you for being open to connecting with ${introduction.otherCompany}.
Bringing good businesses together is one of the parts of my job I enjoy
most, and it only works because customers like you are willing to give
it a try.

I hope it turns out to be worthwhile for you. If I can help in any way –
or if it turns out not to be a good fit after all – just let me know.
A short reply is all it takes.

<#if (links.recommend)??>
Do you know someone we could help as well? Recommend them here:
${links.recommend}

</#if>
Warm regards,
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
