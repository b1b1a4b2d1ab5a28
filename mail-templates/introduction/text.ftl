<#ftl encoding="UTF-8">
Hi ${customer.preferredName},

As promised, I would like to introduce you to
${introduction.otherContact} of ${introduction.otherCompany}.
You both said you would welcome the introduction, so I am very happy
to bring you together.

Here is what I had in mind:
${introduction.reason?remove_ending(".")}.

You can reach ${introduction.otherContact} at:
${introduction.otherEmail}

${introduction.otherContact} has received a similar note with your details,
so don't be surprised if you hear from them first.

I would love to hear how your first conversation goes. And if I can
help in any way, just reply to this email.

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
